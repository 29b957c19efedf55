/**
 * A maximum one-to-one matching in a bipartite graph (Kuhn's augmenting paths): `edges[l]` lists the right-hand
 * nodes left node `l` may pair with, in order of preference. Returns, per left node, its right partner or -1.
 * Deterministic: nodes and candidates are tried in the order given.
 */
export function maximumMatching(edges: readonly (readonly number[])[], rightCount: number): number[] {
  const rightOwner = new Array<number>(rightCount).fill(-1);
  const tryAssign = (l: number, visited: boolean[]): boolean => {
    for (const r of edges[l] ?? []) {
      if (visited[r]) continue;
      visited[r] = true;
      const owner = rightOwner[r] ?? -1;
      if (owner === -1 || tryAssign(owner, visited)) {
        rightOwner[r] = l;
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < edges.length; l++) tryAssign(l, new Array<boolean>(rightCount).fill(false));
  const leftPartner = new Array<number>(edges.length).fill(-1);
  rightOwner.forEach((l, r) => {
    if (l !== -1) leftPartner[l] = r;
  });
  return leftPartner;
}

/** A candidate pair for greedy matching with its score (higher is better). */
export interface Candidate {
  left: number;
  right: number;
  score: number;
}

/**
 * One-to-one matching that takes the best-scoring pair first (ties: lower left, then lower right index).
 * Returns, per left node, its right partner or -1.
 */
export function greedyMatching(candidates: readonly Candidate[], leftCount: number): number[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.left - b.left || a.right - b.right);
  const leftPartner = new Array<number>(leftCount).fill(-1);
  const rightTaken = new Set<number>();
  for (const c of sorted) {
    if (leftPartner[c.left] !== -1 || rightTaken.has(c.right)) continue;
    leftPartner[c.left] = c.right;
    rightTaken.add(c.right);
  }
  return leftPartner;
}
