#!/bin/sh
# ingest_plot.sh: docs/ingest_scale.png from bench/ingest_scale.csv (gnuplot).
# Environment: CSV (default bench/ingest_scale.csv).
set -eu
cd "$(dirname "$0")/.."
CSV=${CSV:-bench/ingest_scale.csv}
gnuplot <<GP
set terminal pngcairo size 900,520 font "sans,11"
set output "docs/ingest_scale.png"
set datafile separator ","
set title "precis ingest: cost per article as the story database grows"
set xlabel "articles in the database"
set ylabel "microseconds per article (each 10,000-article step)"
set y2label "articles per second"
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set format x "%.0s%c"
set grid
set key top left
plot "$CSV" skip 1 using 2:4 with linespoints pt 7 ps 0.6 title "wall us/article" axis x1y1, "" skip 1 using 2:6 with linespoints pt 5 ps 0.6 title "CPU us/article" axis x1y1, \
     "" skip 1 using 2:5 with lines dt 2 title "articles/s" axis x1y2
GP
