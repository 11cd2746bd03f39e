#pragma once

#include <QColor>
#include <QPalette>

namespace sockscope {

// Colours that carry a meaning (failed, running, a note, received data) on top of the palette.
// Each has a light and a dark variant, picked by the brightness of palette.base(), so text in
// these tones stays readable on light and dark themes alike.
enum class Tone
{
    Error,   // failed, invalid, errors in the log
    Ok,      // running, sent data in the log
    Warning, // notes and events in the log
    Info,    // received data in the log
    // A relay's two directions; neither reads as "received" or "sent" (both are forwarded).
    ClientToServer, // C→S rows
    ServerToClient, // S→C rows
};

// Text in this tone, for use on palette.base() or palette.window().
QColor toneColor(Tone tone, const QPalette &palette);

// A background that marks a cell in this tone; toneColor(tone) stays readable on it.
QColor toneBackground(Tone tone, const QPalette &palette);

} // namespace sockscope
