export const USER_README: string;
export function relativeImages(markdown: string): string[];
export function inlineImages(markdown: string, root: string): string;
