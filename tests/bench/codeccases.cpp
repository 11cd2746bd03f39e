#include "cases.h"
#include "data.h"

#include "core/codec/hex.h"
#include "core/codec/textcodec.h"

#include <QProcess>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTemporaryFile>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace sockscope::bench {

namespace {

// ---- hex -------------------------------------------------------------------------------------

const QString kXxdCase = u"xxd FILE > /dev/null"_s;

RunOutput runToNullDevice(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted(-1) || !process.waitForFinished(-1))
        return {0, 0, process.errorString()};
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {0, 0, u"%1 exited with code %2"_s.arg(program).arg(process.exitCode())};
    return {};
}

QString xxdVersion(const QString &xxd)
{
    QProcess process;
    process.start(xxd, {u"-v"_s});
    process.waitForFinished(-1);
    // xxd prints its version on stderr.
    return QString::fromLocal8Bit(process.readAllStandardError() + process.readAllStandardOutput())
        .trimmed();
}

// xxd over the same bytes, written once to a temporary file that lives as long as the case.
std::optional<Case> xxdCase(const QByteArray &data, QStringList &notes)
{
    const QString xxd = QStandardPaths::findExecutable(u"xxd"_s);
    if (xxd.isEmpty()) {
        notes << u"xxd is not installed (not in PATH): its row and the ratio are skipped."_s;
        return std::nullopt;
    }
    auto file = std::make_shared<QTemporaryFile>();
    if (!file->open() || file->write(data) != data.size() || !file->flush()) {
        notes << u"Could not write the temporary file for xxd: %1"_s.arg(file->errorString());
        return std::nullopt;
    }
    notes << u"%1 (%2) reads a temporary file just written, so from the page cache; its time "
             "is wall clock from process start to exit."_s.arg(xxd, xxdVersion(xxd));
    return Case{kXxdCase, data.size(),
                [xxd, file] { return runToNullDevice(xxd, {file->fileName()}); }};
}

qint64 hexDumpSize(qsizetype dataSize)
{
    return HexDump::lineCount(dataSize) * (HexDump::lineWidth(quint64(dataSize - 1)) + 1);
}

// appendHex(' ') with each kernel, as the headless printer uses it: 1 MiB appended to a
// buffer that is reused (emptied, capacity kept, pages already touched), 16 times per run.
void addHexKernelCases(Group &group, const QByteArray &mib, const QByteArray &big)
{
    constexpr int kRounds = 16;
    const struct
    {
        HexKernel kernel;
        QString name;
    } kernels[] = {{HexKernel::Scalar, u"scalar"_s},
                   {HexKernel::Ssse3, u"SSSE3"_s},
                   {HexKernel::Avx2, u"AVX2"_s},
                   {HexKernel::Avx512Vbmi, u"AVX-512 VBMI"_s}};
    const QString baseline = u"appendHex(' '), SSSE3 kernel, 1 MiB"_s;
    for (const auto &k : kernels) {
        if (!hexKernelSupported(k.kernel)) {
            group.notes << u"The %1 kernel is not supported by this CPU: no row."_s.arg(k.name);
            continue;
        }
        auto out = std::make_shared<QByteArray>(mib.size() * 3, '\0');
        const HexKernel kernel = k.kernel;
        group.cases << Case{u"appendHex(' '), %1 kernel, 1 MiB"_s.arg(k.name), kRounds * mib.size(),
                            [mib, out, kernel] {
                                qint64 sink = 0;
                                for (int r = 0; r < kRounds; ++r) {
                                    out->resize(0);
                                    appendHexWith(kernel, *out, mib, ' ');
                                    sink += out->back();
                                }
                                return RunOutput{0, sink};
                            },
                            k.kernel == HexKernel::Ssse3 ? QString() : baseline};
    }
    // The printer's pattern over input too large for the caches: 64 KiB slices appended to a
    // line buffer that is emptied once it holds 256 KiB.
    for (const auto &k : kernels) {
        if (!hexKernelSupported(k.kernel))
            continue;
        auto line = std::make_shared<QByteArray>(512 * KiB, '\0');
        const HexKernel kernel = k.kernel;
        group.cases << Case{u"appendHex(' '), %1 kernel, %2 in 64 KiB slices"_s.arg(
                                k.name, formatBytes(big.size())),
                            big.size(), [big, line, kernel] {
                                qint64 sink = 0;
                                line->resize(0);
                                forEachChunk(big, 64 * KiB, 0, [&](QByteArrayView c) {
                                    appendHexWith(kernel, *line, c, ' ');
                                    if (line->size() >= 256 * KiB) {
                                        sink += line->back();
                                        line->resize(0);
                                    }
                                });
                                return RunOutput{0, sink};
                            }};
    }
    group.notes << u"appendHex() rows: %1 calls per run of 1 MiB each into one reused buffer; "
                   "MiB/s of input. The widest kernel here is what appendHex() uses."_s.arg(
                       kRounds);
}

// ---- text ------------------------------------------------------------------------------------

struct TextInput
{
    Encoding encoding;
    const char *qtDecoderName; // for QStringDecoder(const char *)
    QString qtWholeName;       // Qt's one-shot conversion of the whole buffer
    QString (*qtWhole)(QByteArrayView);
    QString (*makeText)(qsizetype, quint32);
    QString textDescription;
};

const TextInput &textInput(Encoding encoding)
{
    static const TextInput inputs[] = {
        {Encoding::Utf8, "UTF-8", u"QString::fromUtf8()"_s,
         [](QByteArrayView b) { return QString::fromUtf8(b); }, mixedChineseText,
         u"mixed Chinese/ASCII device-log text"_s},
        {Encoding::Gbk, "GB18030", u"QStringDecoder(\"GB18030\")"_s,
         [](QByteArrayView b) { return QString(QStringDecoder("GB18030").decode(b)); },
         mixedChineseText, u"mixed Chinese/ASCII device-log text"_s},
        {Encoding::Latin1, "ISO-8859-1", u"QString::fromLatin1()"_s,
         [](QByteArrayView b) { return QString::fromLatin1(b); }, westernText,
         u"Western European (accented) device-log text"_s},
    };
    for (const TextInput &input : inputs)
        if (input.encoding == encoding)
            return input;
    Q_UNREACHABLE();
}

struct Chunking
{
    QString label;
    qsizetype size; // 0: the whole buffer in one call
};

// Feeds bytes in chunks to a decode function returning QString; counts UTF-16 units out.
template <typename Decode>
RunOutput decodeInChunks(QByteArrayView bytes, qsizetype chunkSize, Decode &&decode)
{
    RunOutput out;
    forEachChunk(bytes, chunkSize > 0 ? chunkSize : bytes.size(), 0, [&](QByteArrayView c) {
        const QString text = decode(c);
        out.items += text.size();
        out.sink += text.isEmpty() ? 0 : text.back().unicode();
    });
    return out;
}

RunOutput runStreamDecoder(Encoding encoding, QByteArrayView bytes, qsizetype chunkSize)
{
    StreamDecoder decoder(encoding);
    RunOutput out =
        decodeInChunks(bytes, chunkSize, [&](QByteArrayView c) { return decoder.decode(c); });
    out.items += decoder.finish().size();
    if (decoder.invalidByteCount() != 0)
        out.error = u"%1 invalid bytes"_s.arg(decoder.invalidByteCount());
    return out;
}

RunOutput runQtDecoder(const TextInput &input, QByteArrayView bytes, qsizetype chunkSize)
{
    if (chunkSize == 0)
        return decodeInChunks(bytes, 0, input.qtWhole);
    QStringDecoder decoder(input.qtDecoderName);
    RunOutput out = decodeInChunks(bytes, chunkSize,
                                   [&](QByteArrayView c) { return QString(decoder.decode(c)); });
    if (decoder.hasError())
        out.error = u"QStringDecoder reported an error"_s;
    return out;
}

} // namespace

Group hexGroup(const Sizes &sizes)
{
    const QByteArray data = randomBytes(sizes.hexDump, 0x5eed0001);
    const QByteArray small = data.first(sizes.hexSmall);
    const QString spacedHex = toHexString(small);
    const QByteArray spacedHexLatin1 = spacedHex.toLatin1();

    Group group;
    group.title = u"Hex formatting and parsing, random bytes (MiB/s of binary bytes)"_s;
    group.cases << Case{u"sockscope::hexDump()"_s, data.size(),
                        [data] {
                            const QByteArray dump = hexDump(data);
                            return RunOutput{HexDump::lineCount(data.size()), dump.size()};
                        },
                        kXxdCase, HexDump::lineCount(data.size())};
    if (const auto xxd = xxdCase(data, group.notes))
        group.cases << *xxd;
    group.cases << Case{u"sockscope::toHex(' ')"_s, small.size(),
                        [small] {
                            return RunOutput{0, toHex(small).size()};
                        },
                        u"QByteArray::toHex(' ')"_s}
                << Case{u"QByteArray::toHex(' ')"_s, small.size(),
                        [small] {
                            return RunOutput{0, small.toHex(' ').size()};
                        }}
                << Case{u"sockscope::parseHex()"_s, small.size(),
                        [spacedHex] {
                            const HexParseResult r = parseHex(spacedHex);
                            return RunOutput{r.bytes.size(), r.bytes.isEmpty() ? 0 : r.bytes.back(),
                                             r.error};
                        },
                        u"QByteArray::fromHex()"_s, small.size()}
                << Case{u"QByteArray::fromHex()"_s,
                        small.size(),
                        [spacedHexLatin1] {
                            const QByteArray bytes = QByteArray::fromHex(spacedHexLatin1);
                            return RunOutput{bytes.size(), bytes.size()};
                        },
                        {},
                        small.size()};

    addHexKernelCases(group, data.first(qMin(MiB, data.size())), data);

    const int dumpLineBytes = HexDump::lineWidth(quint64(data.size() - 1)) + 1;
    group.notes.prepend(u"hexDump() builds its whole %1 dump in memory (uppercase, single bytes, "
                        "%2 bytes/line); xxd streams lowercase 2-byte groups (68 bytes/line) "
                        "through stdio."_s.arg(formatBytes(hexDumpSize(data.size())))
                            .arg(dumpLineBytes));
    group.notes << u"parseHex() reads QString \"48 65 6C ...\" and validates every character; "
                   "QByteArray::fromHex() reads Latin-1 bytes and skips anything that is not a "
                   "hex digit."_s;
    return group;
}

Group textDecoderGroup(const Sizes &sizes, Encoding encoding)
{
    const TextInput &input = textInput(encoding);
    const QString text = input.makeText(sizes.textChars, 0x5eed0002);
    const EncodeResult encoded = encodeText(text, encoding);
    const QByteArray bytes = encoded.bytes;
    const QString name = encodingName(encoding);

    Group group;
    group.title = u"Text decoding, %1: %2 (%3 encoded, %4 chars)"_s.arg(
        name, input.textDescription, formatBytes(bytes.size()), QString::number(text.size()));
    group.itemUnit = u"chars"_s;
    if (!encoded.ok()) {
        group.notes << u"Generated text is not encodable: "_s + encoded.errorString(encoding);
        return group;
    }

    const Chunking chunkings[] = {
        {u"64 KiB chunks"_s, 64 * KiB}, {u"1 KiB chunks"_s, 1 * KiB}, {u"whole buffer"_s, 0}};
    for (const Chunking &chunking : chunkings) {
        const QString qtName = chunking.size == 0
                                   ? input.qtWholeName
                                   : u"QStringDecoder(\"%1\"), %2"_s.arg(
                                         QLatin1StringView(input.qtDecoderName), chunking.label);
        const qsizetype chunkSize = chunking.size;
        group.cases << Case{u"StreamDecoder(%1), %2"_s.arg(name, chunking.label), bytes.size(),
                            [encoding, bytes, chunkSize] {
                                return runStreamDecoder(encoding, bytes, chunkSize);
                            },
                            qtName, text.size()}
                    << Case{qtName,
                            bytes.size(),
                            [&input, bytes, chunkSize] {
                                return runQtDecoder(input, bytes, chunkSize);
                            },
                            {},
                            text.size()};
    }
    group.notes << u"Each chunk's decoded QString is a new string, as one log record per read "
                   "would be. Ratio: StreamDecoder throughput over Qt's at the same chunking."_s;
    return group;
}

} // namespace sockscope::bench
