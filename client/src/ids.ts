// Ids of the commands and views contributed in package.json.
export const OPEN_LOCATION = "provenance.openLocation";
export const PEEK_LOCATIONS = "provenance.peekLocations";
export const CONTRADICTIONS_VIEW = "provenance.contradictions";
export const FIGURES_VIEW = "provenance.figures";
export const SHOW_OUTPUT = "provenance.showOutput";
export const RESTART_SERVER = "provenance.restartServer";
export const REVIEWS_VIEW = "provenance.reviews";
/** Tree-only commands (run from nodes of the Contradictions view, not in the palette). */
export const LOAD_MORE_CONTRADICTIONS = "provenance.loadMoreContradictions";
export const SHOW_ALL_MEMBERS = "provenance.showAllContradictionMembers";
