import numpy as np

from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

fs, rng = 8000, np.random.default_rng(0)
t = np.arange(int(1.6 * fs)) / fs
# a speech-like test signal: three "syllables", each a gliding pitch with 5 harmonics
clean = np.zeros_like(t)
for start, f0, glide in ((0.3, 180, 60), (0.75, 220, -50), (1.15, 160, 40)):
    env = np.clip(1 - np.abs((t - start - 0.15) / 0.15), 0, None) ** 0.5  # 0.3 s long, soft edges
    phase = 2 * np.pi * np.cumsum(f0 + glide * (t - start)) / fs
    clean += env * sum(np.sin(k * phase) / k for k in range(1, 6))
noisy = clean + rng.normal(0, 0.5, t.size)  # white noise

n_fft, hop = 256, 64
window = np.hanning(n_fft)


def stft(x):
    frames = np.lib.stride_tricks.sliding_window_view(x, n_fft)[::hop] * window  # (frames, n_fft)
    return np.fft.rfft(frames, axis=1)


def istft(S, length):
    frames = np.fft.irfft(S, n_fft, axis=1) * window
    out, norm = np.zeros(length), np.zeros(length)
    for i, frame in enumerate(frames):  # overlap-add
        out[i * hop:i * hop + n_fft] += frame
        norm[i * hop:i * hop + n_fft] += window ** 2
    return out / np.maximum(norm, 0.1 * norm.max())  # the floor only matters in the first and last frame


# spectral subtraction: estimate the noise spectrum from the first 0.25 s (no speech there),
# subtract it from every frame's magnitude, keep the noisy phase
S = stft(noisy)
noise_mag = np.abs(S[: int(0.25 * fs) // hop]).mean(axis=0)
mag = np.maximum(np.abs(S) - 1.5 * noise_mag, 0.05 * np.abs(S))
enhanced = istft(mag * np.exp(1j * np.angle(S)), t.size)


def snr(x):
    return 10 * np.log10(np.sum(clean ** 2) / np.sum((x - clean) ** 2))


fig, axes = figure(1, 3, figsize=(12, 3.2), sharey=True)
for ax, x, title in zip(axes, (clean, noisy, enhanced), (tr("纯净语音", "clean speech"), tr("含噪语音", "noisy speech"),
                                                         tr("谱减法增强后", "after spectral subtraction"))):
    power = 20 * np.log10(np.abs(stft(x)).T + 1e-3)
    ax.imshow(power, origin="lower", aspect="auto", cmap="magma", vmin=-20, vmax=40,
              extent=[0, t[-1], 0, fs / 2 / 1000])
    ax.set_title(title if x is clean else title + tr(f"（SNR {snr(x):.1f} dB）", f" (SNR {snr(x):.1f} dB)"))
    ax.set_xlabel(tr("时间 / s", "time / s"))
    ax.grid(False)
axes[0].set_ylabel(tr("频率 / kHz", "frequency / kHz"))
print(figure_html(fig, tr("语音增强：含噪语音的语谱图，以及用谱减法去掉噪声之后。",
                                                        "Speech enhancement: spectrograms of noisy speech and of the same speech after spectral subtraction.")))
print(tr(f"信噪比从 {snr(noisy):.1f} dB 提高到 {snr(enhanced):.1f} dB。谱减法是经典方法；深度学习的语音增强用神经网络从大量"
         "（含噪，纯净）语音对中学出该保留哪些时频点，通常效果更好，但输入和输出与这里相同。",
         f"The signal-to-noise ratio rises from {snr(noisy):.1f} dB to {snr(enhanced):.1f} dB. Spectral subtraction is the "
         "classical method; deep-learning speech enhancement trains a network on many (noisy, clean) pairs to decide which "
         "time–frequency points to keep, and usually does better, but the input and output are the same as here."))
