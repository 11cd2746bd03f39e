#include "cases.h"
#include "data.h"

#include "core/framing/framedecoder.h"

using namespace Qt::StringLiterals;

namespace sockscope::bench {

namespace {

constexpr int kFrameSize = 64;
constexpr qsizetype kChunkSize = 64 * KiB;

struct FramingInput
{
    QString name;
    FramingSpec spec;
    QByteArray data;
    qint64 frameBytes; // what the frames hold together: the input minus dropped delimiters
};

struct Chunking
{
    QString label;
    qsizetype leadIn; // bytes fed before the 64 KiB chunks start
};

qint64 chunkCount(QByteArrayView data, qsizetype leadIn)
{
    qint64 count = 0;
    forEachChunk(data, kChunkSize, leadIn, [&](QByteArrayView) { ++count; });
    return count;
}

RunOutput runFraming(const FramingSpec &spec, QByteArrayView data, qsizetype leadIn,
                     qint64 frameBytes)
{
    FrameDecoder decoder(spec);
    QList<Frame> frames;
    RunOutput out;
    qint64 flagged = 0;
    // A session hands each read's frames on and clears the list; so does this.
    auto take = [&] {
        out.items += frames.size();
        for (const Frame &frame : frames) {
            out.sink += frame.bytes.size();
            flagged += frame.flags != Frame::NoFlags;
        }
        frames.clear();
    };
    forEachChunk(data, kChunkSize, leadIn, [&](QByteArrayView chunk) {
        decoder.feed(chunk, 0, frames);
        take();
    });
    decoder.finish(frames);
    take();
    if (out.sink != frameBytes)
        out.error = u"frames hold %1 bytes, expected %2"_s.arg(out.sink).arg(frameBytes);
    else if (flagged != 0)
        out.error = u"%1 frames flagged (oversized/incomplete/malformed)"_s.arg(flagged);
    return out;
}

} // namespace

Group framingGroup(const Sizes &sizes)
{
    const qsizetype frameCount = sizes.framing / kFrameSize;
    const QByteArray random = randomBytes(frameCount * kFrameSize, 0x5eed0003);
    const qint64 total = frameCount * kFrameSize;

    const FramingInput inputs[] = {
        {u"line, 64-byte lines"_s, FramingSpec::line(),
         textLines(frameCount, kFrameSize, 0x5eed0004), total - frameCount},
        {u"fixed:64"_s, FramingSpec::fixed(kFrameSize), random, total},
        {u"len:2 BE, 62-byte payload"_s, FramingSpec::lengthPrefixed(2, FramingSpec::Endian::Big),
         lengthPrefixedFrames(frameCount, kFrameSize - 2, 0x5eed0005), total},
        {u"raw (one frame per chunk)"_s, FramingSpec::raw(), random, total},
    };
    const Chunking chunkings[] = {
        {u"aligned"_s, 0},
        // Every chunk boundary then falls inside a frame, so partial frames are carried over.
        {u"misaligned"_s, 37},
    };

    Group group;
    group.title = u"Framing, %1 per case fed in 64 KiB chunks"_s.arg(formatBytes(sizes.framing));
    group.itemUnit = u"frames"_s;
    for (const FramingInput &input : inputs) {
        for (const Chunking &chunking : chunkings) {
            const bool raw = input.spec.type == FramingSpec::Type::Raw;
            const qint64 expected = raw ? chunkCount(input.data, chunking.leadIn) : frameCount;
            group.cases << Case{
                u"%1, %2"_s.arg(input.name, chunking.label),
                input.data.size(),
                [spec = input.spec, data = input.data, lead = chunking.leadIn,
                 bytes = input.frameBytes] { return runFraming(spec, data, lead, bytes); },
                {},
                expected};
        }
    }
    group.notes << u"aligned: chunks start on frame boundaries (64 KiB is a multiple of 64); "
                   "misaligned: a 37-byte first read, so every later chunk splits a frame."_s
                << u"Every run's frame count and total frame bytes are checked (line drops the "
                   "'\\n'); no frame may carry a flag."_s;
    return group;
}

} // namespace sockscope::bench
