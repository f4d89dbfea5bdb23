package dev.kirchhoff.validation.rules;

/**
 * Disjoint sets over net ids (union by size, path halving), so connectivity questions over a million-net circuit
 * take near-linear time: which nets a DC path joins, whether a branch closes a loop. Not thread-safe.
 */
final class NetUnionFind {

    private final int[] parent;
    private final int[] size;

    /** {@code n} singleton sets, one per net id {@code 0..n-1}. */
    NetUnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    /** The representative of the set holding {@code x}. */
    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /**
     * Joins the sets of {@code a} and {@code b}; ids below zero (unconnected pins) are ignored.
     *
     * @return false when both were already in one set (the branch closes a loop), true otherwise
     */
    boolean union(int a, int b) {
        if (a < 0 || b < 0) {
            return true;
        }
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }
}
