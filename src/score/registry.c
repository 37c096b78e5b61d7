/*
 * registry.c: the one list of summarization methods.
 */
#include <string.h>

#include "score/method.h"
#include "select/select.h"

static const method methods[] = {
    {"default", "stepwise on clusters as short as Multi-News's (up to 600 words; learned with a "
                "query), and without a query on the openings of a longer cluster of up to 5 "
                "articles, cut as Multi-News cut its clusters; coverage on anything else",
     score_adaptive, select_adaptive, 1, 1, 1, view_adaptive, chosen_adaptive},
    {"coverage", "bigram concepts weighted by how many articles use them, covered greedily, "
                 "with centrality, position and support as tie-breakers; without a query, "
                 "opens with the best lead",
     score_default, select_coverage, 1, 1, 1, NULL, NULL},
    {"centrality", "centrality against background TF-IDF, position and cross-source support, "
                   "greedy with a redundancy filter",
     score_default, NULL, 1, 1, 1, NULL, NULL},
    {"lead", "first sentences of each article in turn", score_lead, NULL, 0, 1, 0, NULL, NULL},
    {"centroid", "similarity to the cluster's TF-IDF centroid (Radev et al. 2004)", score_centroid, NULL, 1, 1, 0, NULL, NULL},
    {"lexrank", "eigenvector centrality of the cosine graph (Erkan and Radev 2004)", score_lexrank, NULL, 1, 1, 0, NULL, NULL},
    {"textrank", "PageRank over word-overlap similarity (Mihalcea and Tarau 2004)", score_textrank, NULL, 1, 1, 0, NULL, NULL},
    {"learned", "which sentences a ROUGE oracle would choose, learned from Multi-News training "
                "clusters (data/scorer.txt); stops where the expected F-measure would fall",
     score_learned, select_learned, 1, 1, 1, NULL, NULL},
    {"stepwise", "the learned scorer's sentences, chosen one at a time by a second model of what "
                 "each would add to the summary so far (data/stepper.txt); stops when nothing would",
     score_learned, select_stepwise, 1, 1, 1, NULL, NULL},
    {"sumbasic", "word probabilities, squared for the words of each chosen sentence "
                 "(Nenkova and Vanderwende 2005, as sumy implements it): a baseline",
     score_sumbasic, select_sumbasic, 0, 1, 0, NULL, NULL},
    {"ilp", "coverage's bigram concepts, solved exactly as an integer linear program "
            "(Gillick and Favre 2009, GLPK)",
     score_default, select_ilp, 1, 1, 0, NULL, NULL},
    {"submodular", "saturated cosine coverage plus diversity over k-means parts, greedy with cost "
                   "scaling (Lin and Bilmes 2011)",
     score_default, select_submodular, 1, 1, 0, NULL, NULL},
};

static const char *const names[] = {"default", "coverage", "centrality", "lead", "centroid", "lexrank",
                                    "textrank", "learned", "stepwise", "sumbasic", "ilp", "submodular", NULL};

const method *method_find(const char *name)
{
    if (!name)
        name = "default";
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!strcmp(methods[i].name, name))
            return &methods[i];
    return NULL;
}

const char *const *precis_methods(void)
{
    return names;
}

const char *precis_method_description(const char *name)
{
    const method *m = method_find(name);
    return m ? m->description : NULL;
}
