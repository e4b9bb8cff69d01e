"""One BLAS thread while answering a suggestion.

A suggestion multiplies a 20 000 x 384 matrix by one vector: memory-bound work that OpenBLAS
splits over its threads. On two cores shared with the screen (and other programs) those
threads wait for each other, and the product took 8-12 ms instead of 1.7 ms with one thread.
"""

from __future__ import annotations

import functools

_CONTROLLER = []  # the process's ThreadpoolController, made on first use (it inspects libraries)


def one_blas_thread(method):
    """Run ``method`` with BLAS limited to one thread (restored afterwards)."""

    @functools.wraps(method)
    def limited(*arguments, **keywords):
        if not _CONTROLLER:
            from threadpoolctl import ThreadpoolController

            _CONTROLLER.append(ThreadpoolController())
        with _CONTROLLER[0].limit(limits=1, user_api="blas"):
            return method(*arguments, **keywords)

    return limited
