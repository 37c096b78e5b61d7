/*
 * treelanes: a tree ensemble walked sixteen trees at a time.
 *
 * The learned scorer and the stepwise gain model (score/learned.c) are
 * sums of a few hundred complete trees of depth 4, and walking them is a
 * quarter of the default method's time. On a processor with AVX-512 the
 * trees are repacked so that one vector holds the same node of sixteen
 * trees: a row is then walked down sixteen trees with four comparisons,
 * its features looked up in registers rather than memory. Only the walk
 * is wide; the leaves the row reaches are added one at a time in tree
 * order, so the sum is bit for bit the one-tree-at-a-time sum.
 */
#ifndef PRECIS_SCORE_TREELANES_H
#define PRECIS_SCORE_TREELANES_H

typedef struct tree_lanes tree_lanes;

/* The ensemble's splits (tree t's node k, in heap order, at
 * t * (2^depth - 1) + k: an index into a row of F_COUNT features and the
 * threshold above which the walk goes right) repacked for the wide walk.
 * NULL when there is nothing to gain or no way to do it: the depth is not
 * 4, the processor or the compiler has no AVX-512, there are no trees, or
 * memory runs out. The caller then walks the trees one by one. */
tree_lanes *tree_lanes_make(const int *split_feat, const float *split_thr, int ntrees, int depth);
void tree_lanes_free(tree_lanes *l);

/* s plus, for each tree in order, the leaf that row x (F_COUNT features)
 * reaches; leaf holds each tree's 16 leaves, tree after tree. */
double tree_lanes_add(const tree_lanes *l, const double *leaf, const float *x, double s);

#endif
