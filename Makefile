# precis: build, test and install.
#
#   make                 library + CLI (build/precis, build/libprecis.a)
#   make test            unit tests under AddressSanitizer + UBSan (Criterion)
#   make demo            install missing Debian packages, build, brief the bundled example
#   make install PREFIX=/usr/local
#
# Every .c file below src/ belongs to the library and every .c below cli/ to
# the program, so a new stage or method is a new file and needs no edit here.

PREFIX  ?= /usr/local
CC      ?= cc
BUILD   ?= build
SAN     ?=
OPT     ?= -O2

PKGS    := libutf8proc libzstd jansson yajl sqlite3 gumbo
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS    := $(PKG_LIBS) -lstemmer -lglpk -lm

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SAN) \
             -Iinclude -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP

LIB_SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC:= $(sort $(wildcard tests/test_*.c))
GEN_SRC := $(BUILD)/gen/embedded_data.c

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ:= $(TEST_SRC:%.c=$(BUILD)/%.o)

# Data files compiled into the library, so an installed precis needs no
# data directory: name them once here.
EMBED   := data/bgdf.tsv.zst data/keep.tsv.zst data/oracle_keep.tsv.zst data/lexicon.tsv.zst data/boilerplate.tsv.zst data/stopwords.txt data/rouge/wordnet-exceptions.tsv \
           data/rouge/smart_common_words.txt data/scorer.txt data/stepper.txt

.PHONY: all test demo install clean fuzz bench check-valgrind deps deps-test
all: $(BUILD)/precis $(BUILD)/libprecis.a $(BUILD)/precis.pc

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(GEN_SRC): $(BUILD)/tools/embed $(EMBED)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $(EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embedded_data.o: $(GEN_SRC)
	$(CC) -c -O1 $(SAN) -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libprecis.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/precis: $(CLI_OBJ) $(BUILD)/libprecis.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $(CLI_OBJ) $(BUILD)/libprecis.a $(LIBS)

$(BUILD)/precis.pc: precis.pc.in
	sed -e 's|@PREFIX@|$(PREFIX)|' $< > $@

$(BUILD)/test_precis: $(TEST_OBJ) $(BUILD)/libprecis.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $(TEST_OBJ) $(BUILD)/libprecis.a $(LIBS) -lcriterion

# The tests always run with sanitizers in their own build tree, so a plain
# `make` stays fast while `make test` is what CI trusts.
test: deps-test
	$(MAKE) BUILD=build/san SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" OPT=-O1 \
	    build/san/test_precis build/san/precis
	cd tests && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=lsan.supp:print_suppressions=0 PRECIS=../build/san/precis ../build/san/test_precis --jobs 2
	@$(MAKE) --no-print-directory test-hardening

# Valgrind follows the tests into every precis they run, but not into the
# system tools they use (VG_SKIP) nor into the tests that time kill -9 or
# need a browser or a million sentences (VG_FILTER); leaks of system tools
# it does follow (the shell) and Criterion's own are not precis's. `make
# test` runs it on a plain -O1 build (BUILD=build/vg). Each process writes
# its own log (so tests that read precis's stderr see only precis); any
# non-empty log is a failure, since Criterion does not fail a test whose
# process valgrind flags.
VG_SKIP_TOOLS := mktemp zstd sort awk mawk gawk cat rm cp mv mkdir head tail sleep grep sed diff cmp wc tr \
             cut ls touch chmod kill date hostname perl* parallel python3* sqlite3 timeout xargs find tee uniq shuf
comma     := ,
VG_SKIP   := $(subst $() ,,$(patsubst %,*/%$(comma),$(VG_SKIP_TOOLS)))*chromium*
VG_FILTER ?= !(compare_browser|store_concurrency|limits_heavy)/*
check-valgrind: $(BUILD)/test_precis $(BUILD)/precis
	@printf '{\n  system-tools-own-leaks\n  Memcheck:Leak\n  ...\n  obj:/usr/bin/*\n}\n' > $(BUILD)/valgrind.supp
	@printf '{\n  criterion-own-leak\n  Memcheck:Leak\n  fun:*alloc\n  obj:*/libcriterion.so*\n}\n' >> $(BUILD)/valgrind.supp
	@rm -rf $(BUILD)/valgrind-logs && mkdir -p $(BUILD)/valgrind-logs
	cd tests && PRECIS=../$(BUILD)/precis valgrind --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --trace-children=yes --trace-children-skip='$(VG_SKIP)' --quiet \
	    --suppressions=$(CURDIR)/$(BUILD)/valgrind.supp --log-file=$(CURDIR)/$(BUILD)/valgrind-logs/%p.log \
	    ../$(BUILD)/test_precis --jobs 2 --filter '$(VG_FILTER)'
	@n=$$(ls $(BUILD)/valgrind-logs | wc -l); bad=$$(find $(BUILD)/valgrind-logs -name '*.log' -size +0c); \
	if [ -n "$$bad" ]; then echo "valgrind: errors in $$(echo $$bad | wc -w) of $$n processes:"; \
	    head -n 30 $$bad; exit 1; fi; echo "valgrind: $$n processes, no invalid access, no leak"

deps:
	@sh tools/install-deps.sh

deps-test:
	@sh tools/install-deps.sh test

demo: deps
	$(MAKE) all
	$(BUILD)/precis summarize examples/seeds --words 120

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/precis $(DESTDIR)$(PREFIX)/bin/precis
	install -m 644 $(BUILD)/libprecis.a $(DESTDIR)$(PREFIX)/lib/libprecis.a
	install -m 644 include/precis.h $(DESTDIR)$(PREFIX)/include/precis.h
	sed -e 's|@PREFIX@|$(PREFIX)|' precis.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/precis.pc
	install -m 644 man/precis.1 $(DESTDIR)$(PREFIX)/share/man/man1/precis.1

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# The background document frequencies, rebuilt from the Multi-News training set.
SHARED ?= ../shared
$(BUILD)/tools/build_bgdf: tools/build_bgdf.c $(BUILD)/libprecis.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

bgdf: $(BUILD)/tools/build_bgdf
	zstd -dc $(SHARED)/data/multinews/train.jsonl.zst | $(BUILD)/tools/build_bgdf 3 | zstd -q -19 > data/bgdf.tsv.zst
.PHONY: bgdf

# How often each word of an article reaches the human summary (Multi-News train);
# a prior the learned scorer reads.
$(BUILD)/tools/build_keep: tools/build_keep.c $(BUILD)/libprecis.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

keep: $(BUILD)/tools/build_keep
	zstd -dc $(SHARED)/data/multinews/train.jsonl.zst | $(BUILD)/tools/build_keep 50 15 -1 | zstd -q -19 > data/keep.tsv.zst
.PHONY: keep

# The boilerplate list (clean/boilerplate.h): sentences found in at least
# 20 Multi-News training clusters.
$(BUILD)/tools/build_boilerplate: tools/build_boilerplate.c $(BUILD)/libprecis.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)
boilerplate: $(BUILD)/tools/build_boilerplate
	$(BUILD)/tools/build_boilerplate 20 $(SHARED)/data/multinews/train.jsonl.zst > $(BUILD)/boilerplate.tsv
	zstd -q -19 -f $(BUILD)/boilerplate.tsv -o data/boilerplate.tsv.zst
.PHONY: boilerplate

# The learned sentence scorer (method "learned"), refitted on Multi-News train;
# every 15th cluster is held out and the fitted model is scored on it.
$(BUILD)/tools/train_scorer: tools/train_scorer.c $(BUILD)/libprecis.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

TRAIN_FLAGS ?= --label oracle --model gbdt --trees 300 --depth 4 --drop centroid,rest_sim,pos_rel,art_words_log \
    --step-r2-weight 1.5
train: $(BUILD)/tools/train_scorer $(BUILD)/tools/build_keep
	zstd -dc $(SHARED)/data/multinews/train.jsonl.zst | $(BUILD)/tools/build_keep 50 15 0 > $(BUILD)/keep_even.tsv
	$(BUILD)/tools/train_scorer $(TRAIN_FLAGS) $(TRAIN_EXTRA) --keep-train $(BUILD)/keep_even.tsv \
	    --oracle-keep $(BUILD)/oracle_keep.tsv --lexicon $(BUILD)/lexicon.tsv --ship-all length,lexicon,okeep \
	    --out data/scorer.txt --stepwise data/stepper.txt --step-rounds 2 \
	    $(SHARED)/data/multinews/train.jsonl.zst
	zstd -q -19 -f $(BUILD)/oracle_keep.tsv -o data/oracle_keep.tsv.zst
	zstd -q -19 -f $(BUILD)/lexicon.tsv -o data/lexicon.tsv.zst
.PHONY: train

# Benchmarks (results in BENCHMARKS.md).
$(BUILD)/bench/latency: bench/latency.c $(BUILD)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

bench: $(BUILD)/precis $(BUILD)/bench/latency
	sh bench/summarize_speed.sh
.PHONY: bench

# ---- Fuzzing (fuzz/, results in SECURITY.md) --------------------------------
# `make fuzz` builds every fuzz/fuzz_*.c as a libFuzzer program in build/fuzz/,
# linked with the library compiled by clang under ASan + UBSan (build/fuzzlib).
# `make fuzz-smoke` runs each for FUZZ_TIME seconds on its seed corpus
# fuzz/corpus/NAME/ (new inputs go to build/fuzz/work/NAME/, emptied each
# time; crashes to build/fuzz/crash-NAME-*); without clang it says so and
# succeeds.
FUZZ_CC   ?= clang
FUZZ_TIME ?= 20
# UBSan stops at its first report, so undefined behaviour fails a run as a
# crash does (by default it prints and goes on, and the run passes).
FUZZ_SAN  := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRC   = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN   = $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)

fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz: $(FUZZ_CC) not found (tools/install-deps.sh installs it)"; exit 1; }
	$(MAKE) --no-print-directory BUILD=build/fuzzlib CC=$(FUZZ_CC) OPT=-O1 SAN="$(FUZZ_SAN)" build/fuzzlib/libprecis.a
	$(MAKE) --no-print-directory $(FUZZ_BIN)

# fuzz/*.h are shared by the targets, not targets: FUZZ_SRC is fuzz_*.c only.
build/fuzz/fuzz_%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) build/fuzzlib/libprecis.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude -Isrc \
	    $(PKG_CFLAGS) -o $@ $< build/fuzzlib/libprecis.a $(LIBS)

fuzz-smoke:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1; then \
	    echo "fuzz-smoke: $(FUZZ_CC) not installed, skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory fuzz >build/fuzz-build.log 2>&1 || { tail -20 build/fuzz-build.log; exit 1; }; \
	pass=0; fail=0; \
	for src in $(FUZZ_SRC); do \
	    t=$$(basename $$src .c); n=$${t#fuzz_}; rm -rf build/fuzz/work/$$n; mkdir -p build/fuzz/work/$$n; \
	    seeds=""; [ -d fuzz/corpus/$$n ] && seeds=fuzz/corpus/$$n; \
	    if build/fuzz/$$t -max_total_time=$(FUZZ_TIME) -timeout=30 -rss_limit_mb=3072 \
	        -artifact_prefix=build/fuzz/crash-$$n- build/fuzz/work/$$n $$seeds >build/fuzz/$$n.log 2>&1; then \
	        pass=$$((pass + 1)); echo "fuzz: $$t ok ($$(grep -o 'Done [0-9]* runs in [0-9]* second' build/fuzz/$$n.log))"; \
	    else \
	        fail=$$((fail + 1)); echo "fuzz: $$t FAILED (build/fuzz/$$n.log, build/fuzz/crash-$$n-*)"; \
	        grep -m3 -E 'ERROR|runtime error|SUMMARY' build/fuzz/$$n.log; \
	        grep -m12 -E '^ +#[0-9]+ .* in ' build/fuzz/$$n.log; \
	        for a in build/fuzz/crash-$$n-*; do [ -f "$$a" ] || continue; \
	            echo "fuzz: the input, $$(wc -c <"$$a") bytes, base64 (its first 3,000 bytes):"; \
	            head -c 3000 "$$a" | base64 -w 100; break; done; \
	    fi; \
	done; \
	echo "fuzz: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]
.PHONY: fuzz-smoke

# Large clusters (BENCHMARKS.md, "Large clusters"): sh bench/big_cluster.sh
$(BUILD)/bench/big_cluster: bench/big_cluster.c $(BUILD)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

# Stand-ins from DUC 2006 for the full-text and 10-article targets
# (RESULTS.md): sh bench/proxies.sh
$(BUILD)/bench/duc_proxies: bench/duc_proxies.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# Run by `make test` after the Criterion suite: every fuzz target for
# TEST_FUZZ_TIME seconds, then the suite under valgrind. Ends with one line,
# "fuzz+valgrind: N passed, M failed" (fuzz targets, plus valgrind as one).
TEST_FUZZ_TIME ?= 10
test-hardening:
	@mkdir -p build/fuzz; p=0; f=0; \
	echo "fuzz: each target for $(TEST_FUZZ_TIME) s (make fuzz-smoke)"; \
	$(MAKE) --no-print-directory fuzz-smoke FUZZ_TIME=$(TEST_FUZZ_TIME) | tee build/fuzz/smoke.out; \
	set -- $$(sed -n 's/^fuzz: \([0-9]*\) passed, \([0-9]*\) failed$$/\1 \2/p' build/fuzz/smoke.out); \
	if [ $$# -eq 2 ]; then p=$$((p + $$1)); f=$$((f + $$2)); \
	elif ! grep -q skipped build/fuzz/smoke.out; then f=$$((f + 1)); fi; \
	if command -v valgrind >/dev/null 2>&1; then \
	    echo "valgrind: the suite under memcheck (make check-valgrind, plain -O1 build in build/vg)"; \
	    if $(MAKE) --no-print-directory BUILD=build/vg OPT=-O1 check-valgrind; then p=$$((p + 1)); \
	    else f=$$((f + 1)); echo "valgrind: FAILED"; fi; \
	else echo "valgrind: not installed, skipped"; fi; \
	echo "fuzz+valgrind: $$p passed, $$f failed"; [ $$f -eq 0 ]
.PHONY: test-hardening
