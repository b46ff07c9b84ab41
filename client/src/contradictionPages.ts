// The workspace's contradictions as the server pages them: the first page, then more on demand
// (the Contradictions tree and List Contradictions share this); and one contradiction's full
// member list when an item shows only the first few.
import type { LanguageClient } from "vscode-languageclient/node";
import {
  CONTRADICTIONS_DEFAULT_PAGE_SIZE,
  ContradictionMembersRequest,
  ContradictionsRequest,
  type ContradictionItem,
  type ContradictionMemberItem,
} from "../../server/src/protocol";

export class ContradictionPages {
  items: ContradictionItem[] = [];
  total = 0;
  /** The server's list changed while pages were being loaded (items may be out of date). */
  changed = false;
  private next: string | undefined;
  private started = false;
  /** Bumped by reset(): an answer to a request sent before it is dropped. */
  private generation = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly pageSize = CONTRADICTIONS_DEFAULT_PAGE_SIZE,
  ) {}

  get loaded(): boolean {
    return this.started;
  }

  get hasMore(): boolean {
    return this.next !== undefined;
  }

  reset(): void {
    this.items = [];
    this.total = 0;
    this.changed = false;
    this.next = undefined;
    this.started = false;
    this.generation++;
  }

  /** Loads the first page (again). */
  async first(): Promise<void> {
    this.reset();
    await this.load(undefined);
    this.started = true;
  }

  /** Appends the next page, if there is one. */
  async more(): Promise<void> {
    if (this.next !== undefined) await this.load(this.next);
  }

  private async load(cursor: string | undefined): Promise<void> {
    const generation = this.generation;
    const page = await this.client.sendRequest(ContradictionsRequest, {
      pageSize: this.pageSize,
      ...(cursor ? { cursor } : {}),
    });
    if (generation !== this.generation) return;
    const known = new Set(this.items.map((c) => c.id));
    this.items.push(...page.contradictions.filter((c) => !known.has(c.id)));
    this.total = page.total;
    this.next = page.nextCursor;
    if (page.changed) this.changed = true;
  }
}

/** "Load more… (100 of 4,210)". */
export function loadMoreLabel(pages: ContradictionPages): string {
  return `Load more… (${pages.items.length.toLocaleString("en-US")} of ${pages.total.toLocaleString("en-US")})`;
}

/** The members an item does not show. */
export function hiddenMembers(contradiction: ContradictionItem): number {
  return contradiction.memberCount - contradiction.members.length;
}

/** Every member of one contradiction (side a first), page by page, up to `limit`. */
export async function allMembers(
  client: LanguageClient,
  id: string,
  limit = 20_000,
): Promise<ContradictionMemberItem[]> {
  const members: ContradictionMemberItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.sendRequest(ContradictionMembersRequest, { id, ...(cursor ? { cursor } : {}) });
    members.push(...page.members);
    cursor = page.nextCursor;
  } while (cursor !== undefined && members.length < limit);
  return members;
}
