/*
 * summary: the result of summarizing a cluster, as handed to renderers and
 * to library users (precis_summary is opaque outside the library).
 */
#ifndef PRECIS_SUMMARY_H
#define PRECIS_SUMMARY_H

#include "core/arena.h"
#include "precis.h"

struct precis_summary {
    arena mem;
    const char *cluster_id;
    const char *method;    /* the method asked for */
    const char *chosen;    /* the method that did the work (the default hands clusters on) */
    int read_openings;     /* 1: it read the articles' openings (a view), not all of them */
    size_t narticles;
    const char **article_ids;
    size_t nleft_out;      /* articles given without story text (precis_cluster_left_out) */
    const char **left_out_ids;
    precis_summary_sentence *items;
    size_t n;
    size_t words, bytes;   /* as rendered in text form */
};

#endif
