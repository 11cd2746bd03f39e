// Hex parser and formatters: toHex -> parseHex is the identity for every separator and
// prefix style; parseHex on arbitrary text never crashes, reports a sane error position, and
// what it accepts re-formats and re-parses to the same bytes; the hex dump (whole and line by
// line into an exactly sized buffer) shows every byte, offset and gutter character.
//
// Input: a mode byte (separator, UTF-8 or UTF-16 text, dump base), the rest is the text; the
// whole input is also the bytes for toHex and the dump.
#include "fuzzcommon.h"

#include "core/codec/hex.h"

#include <memory>

using namespace sockscope;

namespace {

const char kSeparators[] = {' ', 0, ':', ',', '-', ';', '\t', '\n'};

void checkRoundTrip(const QByteArray &bytes, char sep)
{
    const QByteArray hex = toHex(bytes, sep);
    const qsizetype expected = bytes.isEmpty() ? 0 : bytes.size() * (sep ? 3 : 2) - (sep ? 1 : 0);
    FUZZ_CHECK(hex.size() == expected);

    QByteArray appended("48 65 ");
    appendHex(appended, bytes, sep);
    FUZZ_CHECK(appended == "48 65 " + hex);
    FUZZ_CHECK(toHexString(bytes, sep) == QString::fromLatin1(hex));

    const HexParseResult r = parseHex(QString::fromLatin1(hex));
    FUZZ_CHECK_MSG(r.ok() && r.bytes == bytes, fuzz::show(hex));

    // "0x48,0x65" and "\x48\x65" styles, lowercase digits.
    QString prefixed, escaped;
    for (char b : bytes) {
        const QString two = QString::number(uchar(b), 16).rightJustified(2, u'0');
        if (!prefixed.isEmpty())
            prefixed += u',';
        prefixed += QStringLiteral("0x") + two;
        escaped += QStringLiteral("\\x") + two;
    }
    const HexParseResult p = parseHex(prefixed);
    FUZZ_CHECK_MSG(p.ok() && p.bytes == bytes, fuzz::show(prefixed));
    const HexParseResult e = parseHex(escaped);
    FUZZ_CHECK_MSG(e.ok() && e.bytes == bytes, fuzz::show(escaped));
}

void checkArbitraryText(const QString &text, char sep)
{
    const HexParseResult r = parseHex(text);
    if (r.ok()) {
        FUZZ_CHECK(r.error.isEmpty());
        const HexParseResult again = parseHex(toHexString(r.bytes, sep));
        FUZZ_CHECK_MSG(again.ok() && again.bytes == r.bytes, fuzz::show(text));
        const HexParseResult plain = parseHex(toHexString(r.bytes, 0));
        FUZZ_CHECK_MSG(plain.ok() && plain.bytes == r.bytes, fuzz::show(text));
    } else {
        FUZZ_CHECK_MSG(r.errorPosition >= 0 && r.errorPosition < text.size(), fuzz::show(text));
        FUZZ_CHECK(r.bytes.isEmpty());
        FUZZ_CHECK(!r.error.isEmpty());
    }
}

int offsetDigits(quint64 last)
{
    int digits = 8;
    while (digits < 16 && (last >> (digits * 4)) != 0)
        digits += 4;
    return digits;
}

void checkDump(const QByteArray &bytes, quint64 base)
{
    const QByteArray dump = hexDump(bytes, base);
    const qsizetype lines = HexDump::lineCount(bytes.size());
    FUZZ_CHECK(dump.count('\n') == lines);
    FUZZ_CHECK(dump.isEmpty() || dump.endsWith('\n'));
    const quint64 last = base + quint64(bytes.size());
    const int width = HexDump::lineWidth(last);
    const int digits = offsetDigits(last);
    FUZZ_CHECK(width == digits + 2 + 16 * 3 + 1 + 1 + 1 + 16 + 1);

    const QList<QByteArray> dumpLines = dump.split('\n');
    for (qsizetype l = 0; l < lines; ++l) {
        const QByteArray chunk = bytes.mid(l * 16, 16);
        // Exactly lineWidth() bytes on the heap: ASan catches any overrun.
        std::unique_ptr<char[]> buf(new char[size_t(width)]);
        const int n = HexDump::formatLine(buf.get(), bytes, l, base);
        FUZZ_CHECK(n > 0 && n <= width);
        FUZZ_CHECK(n == width - (16 - chunk.size()));
        const QByteArray line(buf.get(), n);
        FUZZ_CHECK_MSG(line == dumpLines.at(l), line + " vs " + dumpLines.at(l));

        bool ok = false;
        FUZZ_CHECK(line.left(digits).toULongLong(&ok, 16) == base + quint64(l) * 16 && ok);
        FUZZ_CHECK(line.mid(digits, 2) == "  ");
        const qsizetype bar = digits + 2 + 16 * 3 + 1 + 1;
        FUZZ_CHECK(line.at(bar) == '|' && line.endsWith('|'));
        const HexParseResult cols = parseHex(QString::fromLatin1(line.mid(digits + 2, 16 * 3 + 1)));
        FUZZ_CHECK_MSG(cols.ok() && cols.bytes == chunk, line);
        const QByteArray gutter = line.mid(bar + 1, chunk.size());
        for (qsizetype k = 0; k < chunk.size(); ++k) {
            const uchar b = uchar(chunk.at(k));
            FUZZ_CHECK(gutter.at(k) == ((b >= 0x20 && b < 0x7F) ? char(b) : '.'));
        }
    }
    // Out-of-range lines write nothing.
    char spare[1];
    FUZZ_CHECK(HexDump::formatLine(spare, bytes, lines, base) == 0);
    FUZZ_CHECK(HexDump::formatLine(spare, bytes, -1, base) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    fuzz::Input in(data, size);
    const uint8_t mode = in.byte();
    const char sep = kSeparators[mode & 7];

    const QByteArray all(reinterpret_cast<const char *>(data), qsizetype(size));
    checkRoundTrip(all, sep);

    // The rest as text, UTF-8 or raw UTF-16.
    const QByteArray textBytes =
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).mid(1);
    checkArbitraryText(fuzz::textFrom(textBytes, mode & 8), sep);

    // Hex dump at a base chosen from the input: 0, just below a digit-count boundary, or any
    // offset that does not wrap around.
    quint64 base = 0;
    switch ((mode >> 4) & 3) {
    case 0:
        break;
    case 1:
        base = (quint64(1) << 32) - quint64(in.range(0, 64));
        break;
    case 2:
        base = (quint64(1) << 48) - quint64(in.range(0, 64));
        break;
    default:
        base = in.u64();
        break;
    }
    if (base > ~quint64(0) - quint64(size))
        base = ~quint64(0) - quint64(size);
    checkDump(all, base);
    return 0;
}
