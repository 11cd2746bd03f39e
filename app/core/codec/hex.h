#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace sockscope {

// Result of parsing user hex input. On error, bytes is empty and
// errorPosition is the index (in the input string) of the offending character.
struct HexParseResult
{
    QByteArray bytes;
    qsizetype errorPosition = -1;
    QString error;
    bool ok() const { return errorPosition < 0; }
};

// Lenient but exact: accepts "48 65 6C", "48656c", "0x48,0x65", "\x48\x65",
// "48:65-6c" and any mix of whitespace, ',', ';', ':' and '-' between groups.
// Each group of digits must have an even length; anything else is rejected
// with its position and the reason.
HexParseResult parseHex(QStringView input);

// "48 65 6C" (uppercase, one separator between bytes; separator 0 for none).
QByteArray toHex(QByteArrayView data, char separator = ' ');
// Appends the same text to out, growing it once: no temporary per call.
void appendHex(QByteArray &out, QByteArrayView data, char separator = ' ');
QString toHexString(QByteArrayView data, char separator = ' ');

// The formatting kernels appendHex() chooses from at run time: the widest the CPU has.
// Named so that tests and benchmarks can run each one the CPU supports; others need not care.
enum class HexKernel
{
    Scalar,
    Ssse3,
    Avx2,
    Avx512Vbmi
};
bool hexKernelSupported(HexKernel kernel);
HexKernel bestHexKernel();
// appendHex() with `kernel` (or the widest supported one below it) for the whole blocks,
// narrower kernels for what is left.
void appendHexWith(HexKernel kernel, QByteArray &out, QByteArrayView data, char separator);

// Classic hex dump: one line per 16 bytes,
//   "00000010  48 65 6C 6C 6F 2C 20 77  6F 72 6C 64 21 0A 00 01  |Hello, world!...|\n"
// offset (8 hex digits, wider when needed), 16 bytes in two groups of 8 and
// an ASCII gutter where non-printable bytes show as '.'.
namespace HexDump {
constexpr int BytesPerLine = 16;
qsizetype lineCount(qsizetype dataSize);
// Width in characters of one line without the newline (depends on offset width).
int lineWidth(quint64 lastOffset);
// Writes line `line` of data (starting at byte line*16) into dest, which must
// have room for lineWidth(); returns the number of characters written.
int formatLine(char *dest, QByteArrayView data, qsizetype line, quint64 baseOffset = 0);
} // namespace HexDump

QByteArray hexDump(QByteArrayView data, quint64 baseOffset = 0);

} // namespace sockscope
