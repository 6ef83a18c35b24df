"""The one place that knows where models sit: lazy loading, accelerate placement, a report.

Each model is registered with a factory that builds it on the CPU. On first use it is placed:
on the only GPU when it fits, spread over GPUs (and offloaded to CPU) by accelerate's
`infer_auto_device_map` + `dispatch_model` under a memory budget when it does not, on the
CPU when there is no GPU. One read-only copy per process, shared by every session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn


@dataclass
class LoadedModel:
    name: str
    model: nn.Module
    devices: tuple[str, ...]
    bytes: int
    load_seconds: float


def parameter_bytes(model: nn.Module) -> int:
    return sum(p.numel() * p.element_size() for p in model.parameters()) + sum(
        b.numel() * b.element_size() for b in model.buffers()
    )


def available_devices() -> list[str]:
    return [f"cuda:{i}" for i in range(torch.cuda.device_count())] if torch.cuda.is_available() else []


def place_model(
    model: nn.Module, device: str = "auto", max_memory: dict | None = None, no_split: list[str] | None = None
) -> tuple[nn.Module, tuple[str, ...]]:
    """Put a CPU-built model where it should run; returns the model and the devices it uses."""
    if device != "auto":
        return model.to(device), (device,)
    gpus = available_devices()
    if not gpus:
        return model.to("cpu"), ("cpu",)
    from accelerate import dispatch_model, infer_auto_device_map
    from accelerate.utils import get_balanced_memory

    no_split = no_split or list(getattr(model, "_no_split_modules", None) or [])  # transformers models name theirs
    budget = max_memory or get_balanced_memory(model, no_split_module_classes=no_split or [])
    device_map = infer_auto_device_map(model, max_memory=budget, no_split_module_classes=no_split or [])
    targets = {str(d) if not isinstance(d, int) else f"cuda:{d}" for d in device_map.values()}
    if len(targets) == 1:
        only = targets.pop()
        return model.to(only), (only,)
    return dispatch_model(model, device_map=device_map), tuple(sorted(targets))


class ModelLoader:
    """Lazily builds, places and caches named models; thread-safe."""

    def __init__(self, device: str = "auto", max_memory: dict | None = None):
        self.device, self.max_memory = device, max_memory
        self._factories: dict[str, Callable[[], nn.Module]] = {}
        self._no_split: dict[str, list[str]] = {}
        self._loaded: dict[str, LoadedModel] = {}
        self._lock = threading.Lock()

    def register(self, name: str, factory: Callable[[], nn.Module], no_split: list[str] | None = None) -> None:
        """Register (or replace, dropping the loaded copy) the factory of a named model."""
        with self._lock:
            self._factories[name] = factory
            self._no_split[name] = no_split or []
            self._loaded.pop(name, None)

    def is_registered(self, name: str) -> bool:
        return name in self._factories

    def get(self, name: str) -> nn.Module:
        with self._lock:
            if name not in self._loaded:
                if name not in self._factories:
                    raise KeyError(f"no model registered as {name!r}")
                t0 = time.perf_counter()
                model = self._factories[name]().eval()
                model, devices = place_model(model, self.device, self.max_memory, self._no_split[name])
                for p in model.parameters():
                    p.requires_grad_(False)
                self._loaded[name] = LoadedModel(name, model, devices, parameter_bytes(model), time.perf_counter() - t0)
            return self._loaded[name].model

    def unload(self, name: str) -> None:
        with self._lock:
            self._loaded.pop(name, None)
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    def report(self) -> list[dict]:
        """Where each registered model sits and what it takes."""
        rows = []
        for name in self._factories:
            loaded = self._loaded.get(name)
            rows.append(
                {
                    "model": name,
                    "loaded": loaded is not None,
                    "devices": list(loaded.devices) if loaded else [],
                    "megabytes": round(loaded.bytes / 2**20, 2) if loaded else None,
                    "load_seconds": round(loaded.load_seconds, 3) if loaded else None,
                }
            )
        return rows


_default: ModelLoader | None = None


def default_loader() -> ModelLoader:
    """The process-wide loader; models register themselves on it (see models/registry.py)."""
    global _default
    if _default is None:
        _default = ModelLoader()
    return _default


def configure_default_loader(device: str = "auto", max_memory: dict | None = None) -> ModelLoader:
    loader = default_loader()
    loader.device, loader.max_memory = device, max_memory
    return loader
