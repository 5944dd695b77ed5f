"""The data of particular pages: stroke images, a photo, the notes' basket table, viewing histories.

Page fixtures, not general generators (those are in [`mlnotes.datasets`][mlnotes.datasets]):

* [`make_strokes`][mlnotes.book.data.make_strokes]: chapter 4, "4.1 视觉感知和图像表达" and "4.2 卷积神经网络原理"
  (and the stroke-detector experiment of [`mlnotes.book.cnn`][mlnotes.book.cnn]);
* [`load_sample_image`][mlnotes.book.data.load_sample_image]: the photo of chapters 2 and 4 (matplotlib's
  bundled sample data, no network access);
* [`load_market_baskets`][mlnotes.book.data.load_market_baskets]: the transaction table of 1.3 "applications";
* [`make_viewing_histories`][mlnotes.book.data.make_viewing_histories]: the sequential-pattern example of 1.3.

Every generator takes ``random_state`` (int, Generator or None) and draws from a
`numpy.random.Generator`; the global numpy random state is never used.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_bool, check_random_state, check_scalar

__all__ = ["make_strokes", "SAMPLE_IMAGES", "load_sample_image", "load_market_baskets", "make_viewing_histories"]

# Stroke kinds drawn by make_strokes; kind 0 (┐, the notes' 横折) is the positive class.
_STROKE_KINDS = ("top_right_corner", "top_left_corner", "bottom_left_corner", "bottom_right_corner",
                 "horizontal", "vertical")


def _stroke_template(kind: int, a: int) -> np.ndarray:
    """An ``a x a`` binary template: 0 ┐ (横折), 1 ┌, 2 └, 3 ┘, 4 ─, 5 │."""
    t = np.zeros((a, a))
    top_or_bottom = 0 if kind in (0, 1, 4) else a - 1
    right_or_left = a - 1 if kind in (0, 3) else 0
    if kind != 5:
        t[top_or_bottom, :] = 1.0  # the horizontal arm
    if kind != 4:
        t[:, right_or_left] = 1.0  # the vertical arm
    return t


def make_strokes(n_samples: int = 200, *, size: int = 12, stroke_size: int = 4,
                 positions: Any = None, noise: float = 0.1,
                 random_state: Any = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grey images that contain the notes' "横折" stroke (┐) or another stroke.

    Half of the images (label 1) contain a 横折: a horizontal arm that turns down
    into a vertical arm at its right end. The others (label 0) contain one of the
    other corners (┌, └, ┘) or a straight horizontal or vertical bar of the same
    size, so only the *shape* tells the classes apart, not the ink. Every stroke
    sits at a known position, which allows splitting train and test sets by
    position (train on some places, test on places never seen).

    Parameters
    ----------
    n_samples : int
        Number of images.
    size : int
        Side length of the square images.
    stroke_size : int
        Side length of the stroke's bounding box (arm length), ``2 <= stroke_size <= size``.
    positions : array-like of shape (n_positions, 2), optional
        Allowed ``(row, col)`` top-left corners of the stroke's box, each in
        ``0 .. size - stroke_size``; positions are drawn uniformly from these.
        Default: every position.
    noise : float
        Standard deviation of the Gaussian pixel noise added to the 0/1 image.
    random_state : int, Generator or None

    Returns
    -------
    X : ndarray of shape (n_samples, size, size)
        The images (use ``X[:, None]`` for a one-channel CNN batch).
    y : ndarray of shape (n_samples,)
        1 if the image contains a 横折, else 0.
    position : ndarray of shape (n_samples, 2)
        ``(row, col)`` of the stroke's top-left corner.

    Examples
    --------
    >>> X, y, pos = make_strokes(4, size=6, stroke_size=3, noise=0.0, random_state=0)
    >>> X.shape, y.shape, pos.shape
    ((4, 6, 6), (4,), (4, 2))
    >>> r, c = pos[y == 1][0]
    >>> X[y == 1][0][r:r + 3, c:c + 3]
    array([[1., 1., 1.],
           [0., 0., 1.],
           [0., 0., 1.]])
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(size, "size", int, min_val=2)
    check_scalar(stroke_size, "stroke_size", int, min_val=2, max_val=size)
    check_scalar(noise, "noise", min_val=0.0)
    m = size - stroke_size + 1  # valid positions per axis
    if positions is None:
        positions = np.array([(r, c) for r in range(m) for c in range(m)])
    positions = np.asarray(positions)
    if positions.ndim != 2 or positions.shape[1] != 2 or len(positions) == 0 or positions.dtype.kind not in "iu":
        raise ValueError(f"positions must be a non-empty integer array of (row, col) pairs, shape (n, 2); "
                         f"got shape {positions.shape} and dtype {positions.dtype}.")
    if positions.min() < 0 or positions.max() > m - 1:
        raise ValueError(f"positions must lie in 0..{m - 1} (size - stroke_size) so the stroke fits; "
                         f"got values in {positions.min()}..{positions.max()}.")
    rng = check_random_state(random_state)
    y = (rng.random(n_samples) < 0.5).astype(int)
    kinds = np.where(y == 1, 0, rng.integers(1, len(_STROKE_KINDS), size=n_samples))
    pos = positions[rng.integers(0, len(positions), size=n_samples)]
    X = rng.normal(0.0, noise, size=(n_samples, size, size)) if noise > 0 else np.zeros((n_samples, size, size))
    for i, (kind, (r, c)) in enumerate(zip(kinds, pos)):
        X[i, r:r + stroke_size, c:c + stroke_size] += _stroke_template(int(kind), stroke_size)
    return X, y, pos


SAMPLE_IMAGES = {"grace_hopper": "grace_hopper.jpg"}
"""Photos bundled with matplotlib (``mpl-data/sample_data``) that [`load_sample_image`][mlnotes.book.data.load_sample_image] reads."""


def load_sample_image(name: str = "grace_hopper", *, as_gray: bool = False) -> np.ndarray:
    """A real photo from matplotlib's bundled sample data (no network access).

    Parameters
    ----------
    name : str
        One of [`SAMPLE_IMAGES`][mlnotes.book.data.SAMPLE_IMAGES] (``"grace_hopper"``: a 600 x 512 portrait).
    as_gray : bool
        Convert to grey with the ITU-R BT.601 luma weights 0.299 R + 0.587 G + 0.114 B.

    Returns
    -------
    ndarray of dtype uint8, shape (H, W, 3) or (H, W) if ``as_gray``

    Examples
    --------
    >>> img = load_sample_image()
    >>> img.shape, img.dtype
    ((600, 512, 3), dtype('uint8'))
    >>> load_sample_image(as_gray=True).shape
    (600, 512)
    """
    if not isinstance(name, str) or name not in SAMPLE_IMAGES:
        raise ValueError(f"name must be one of {sorted(SAMPLE_IMAGES)}; got {name!r}.")
    check_bool(as_gray, "as_gray")
    from matplotlib import cbook, image

    path = cbook.get_sample_data(SAMPLE_IMAGES[name], asfileobj=False)
    rgb = np.asarray(image.imread(path))[..., :3]
    if rgb.dtype != np.uint8:  # PNGs are read as floats in [0, 1]
        rgb = np.round(rgb * 255).astype(np.uint8)
    if not as_gray:
        return rgb
    gray = rgb @ np.array([0.299, 0.587, 0.114])  # (H, W)
    return np.clip(np.round(gray), 0, 255).astype(np.uint8)


def load_market_baskets() -> list[list[str]]:
    """The five-transaction market-basket table of Tan, Steinbach & Kumar used in the notes.

    Returns
    -------
    list of list of str
        T1 {Bread, Milk}; T2 {Bread, Diaper, Beer, Eggs}; T3 {Milk, Diaper, Beer, Coke};
        T4 {Bread, Milk, Diaper, Beer}; T5 {Bread, Milk, Diaper, Coke}.

    Examples
    --------
    >>> baskets = load_market_baskets()
    >>> sum({"Milk", "Bread", "Diaper"} <= set(t) for t in baskets)
    2
    """
    return [["Bread", "Milk"],
            ["Bread", "Diaper", "Beer", "Eggs"],
            ["Milk", "Diaper", "Beer", "Coke"],
            ["Bread", "Milk", "Diaper", "Beer"],
            ["Bread", "Milk", "Diaper", "Coke"]]


_FRANCHISES = {"Fast & Furious": 5, "Harry Potter": 4, "Toy Story": 3, "The Godfather": 3}
_STANDALONE = ["Titanic", "Inception", "Up", "Coco", "Amelie", "Parasite"]


def make_viewing_histories(n_users: int = 200, *, p_continue: float = 0.8,
                           p_other: float = 0.3, random_state: Any = None) -> list[list[str]]:
    """Film-viewing histories in which sequels tend to follow their predecessor.

    Each user follows one or two franchises (``"Fast & Furious 1"``, ``"... 2"``, ...):
    usually from part 1, moving on to the next part with probability ``p_continue``;
    stand-alone films are slipped in between with probability ``p_other`` each.

    Parameters
    ----------
    n_users : int
        Number of histories.
    p_continue : float
        Probability of watching the next part after a part.
    p_other : float
        Probability of a stand-alone film after each franchise film.
    random_state : int, Generator or None

    Returns
    -------
    list of list of str
        One viewing history per user, in watching order.

    Examples
    --------
    >>> h = make_viewing_histories(50, p_continue=1.0, p_other=0.0, random_state=0)
    >>> all(s[i + 1] == "Fast & Furious 2" for s in h for i, f in enumerate(s) if f == "Fast & Furious 1")
    True
    """
    check_scalar(n_users, "n_users", int, min_val=1)
    check_scalar(p_continue, "p_continue", min_val=0.0, max_val=1.0)
    check_scalar(p_other, "p_other", min_val=0.0, max_val=1.0)
    rng = check_random_state(random_state)
    names = list(_FRANCHISES)
    histories = []
    for _ in range(n_users):
        history = []
        for f in rng.choice(len(names), int(rng.integers(1, 3)), replace=False):
            name, parts = names[f], _FRANCHISES[names[f]]
            part = 1 if rng.random() < 0.8 else int(rng.integers(1, parts + 1))
            while True:
                history.append(f"{name} {part}")
                if rng.random() < p_other:
                    history.append(_STANDALONE[int(rng.integers(len(_STANDALONE)))])
                if part == parts or rng.random() >= p_continue:
                    break
                part += 1
        histories.append(history)
    return histories
