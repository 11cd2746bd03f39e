#include "tones.h"

namespace sockscope {

namespace {

struct TonePair
{
    QRgb light; // for a light base
    QRgb dark;  // for a dark base
};

// Mid-saturation colours with a contrast of at least 4.5:1 (WCAG AA) against the base and
// window of common light and dark palettes (tst_tones checks Fusion's and a dark one).
TonePair textPair(Tone tone)
{
    switch (tone) {
    case Tone::Error:
        return {0xc62828, 0xff7b72};
    case Tone::Ok:
        return {0x177a34, 0x56d364};
    case Tone::Warning:
        return {0x8a6100, 0xe3b341};
    case Tone::Info:
        return {0x0b5cad, 0x79b8ff};
    case Tone::ClientToServer:
        return {0x00695c, 0x4dd0c4};
    case Tone::ServerToClient:
        return {0x7b1fa2, 0xd2a8ff};
    }
    return {0x000000, 0xffffff};
}

// Tinted backgrounds on which the tone's text keeps at least 4.5:1.
TonePair backgroundPair(Tone tone)
{
    switch (tone) {
    case Tone::Error:
        return {0xffe0e0, 0x4a1f1f};
    case Tone::Ok:
        return {0xe8f8ec, 0x1b3a24};
    case Tone::Warning:
        return {0xfff3cd, 0x3d3214};
    case Tone::Info:
        return {0xddeeff, 0x1c2f45};
    case Tone::ClientToServer:
        return {0xdcf3ef, 0x14332f};
    case Tone::ServerToClient:
        return {0xf3e5f5, 0x35213f};
    }
    return {0xffffff, 0x000000};
}

bool isDark(const QPalette &palette)
{
    return palette.base().color().lightness() < 128;
}

} // namespace

QColor toneColor(Tone tone, const QPalette &palette)
{
    const TonePair pair = textPair(tone);
    return QColor::fromRgb(isDark(palette) ? pair.dark : pair.light);
}

QColor toneBackground(Tone tone, const QPalette &palette)
{
    const TonePair pair = backgroundPair(tone);
    return QColor::fromRgb(isDark(palette) ? pair.dark : pair.light);
}

} // namespace sockscope
