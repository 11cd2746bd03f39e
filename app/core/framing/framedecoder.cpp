#include "core/framing/framedecoder.h"

#include <QtEndian>

#include <cstring>
#include <utility>

namespace sockscope {

namespace {

// memchr for the first byte, then memcmp: no per-call table set-up (frames are often tiny)
// and at most MaxDelimiterSize work per candidate, so still linear in practice.
qsizetype findDelimiter(const char *hay, qsizetype hayLen, qsizetype from, QByteArrayView needle)
{
    const qsizetype n = needle.size();
    const qsizetype lastStart = hayLen - n; // inclusive
    if (from > lastStart)
        return -1;
    const char first = needle.front();
    const char *p = hay + from;
    const char *const end = hay + lastStart + 1;
    while (p < end) {
        p = static_cast<const char *>(std::memchr(p, first, size_t(end - p)));
        if (!p)
            return -1;
        if (std::memcmp(p + 1, needle.data() + 1, size_t(n - 1)) == 0)
            return p - hay;
        ++p;
    }
    return -1;
}

} // namespace

FrameDecoder::FrameDecoder(const FramingSpec &spec) : m_spec(spec)
{
    if (!validationError(m_spec).isEmpty()) {
        FramingSpec fallback = FramingSpec::raw();
        fallback.maxFrameSize = qBound<qsizetype>(1, spec.maxFrameSize, FramingSpec::MaxSizeLimit);
        m_spec = fallback;
    }
    m_max = m_spec.maxFrameSize;
    if (m_spec.trimTrailingCr)
        m_crDelimiter = '\r' + m_spec.delimiter;
    reset();
}

void FrameDecoder::reset()
{
    m_buf.clear();
    m_continuing = false;
    m_scanFrom = 0;
    m_lastByteMs = 0;
    startCountedFrame();
}

void FrameDecoder::feed(QByteArrayView chunk, qint64 nowMs, QList<Frame> &out)
{
    if (chunk.isEmpty())
        return;
    const char *data = chunk.data();
    const qsizetype size = chunk.size();
    switch (m_spec.type) {
    case FramingSpec::Type::Raw:
        feedRaw(data, size, out);
        break;
    case FramingSpec::Type::Delimiter:
        feedDelimited(data, size, out);
        break;
    case FramingSpec::Type::FixedLength:
    case FramingSpec::Type::LengthPrefix:
        feedCounted(data, size, out);
        break;
    case FramingSpec::Type::IdleGap:
        // The timer may fire late or not at all before the next read; the gap before this
        // chunk still ends the previous frame.
        flushIdle(nowMs, out);
        feedIdle(data, size, out);
        m_lastByteMs = nowMs;
        break;
    }
}

void FrameDecoder::feedShared(const QByteArray &chunk, qint64 nowMs, QList<Frame> &out)
{
    // Shared only when it holds little unused room: a small message in a large block would
    // keep the whole block alive in the log, which counts (and caps) the message's size.
    const bool tight = chunk.capacity() - chunk.size() <= chunk.size() / 8 + 64;
    if (m_spec.type == FramingSpec::Type::Raw && !chunk.isEmpty() && chunk.size() <= m_max &&
        tight) {
        out.append(Frame{chunk, {}});
        return;
    }
    feed(QByteArrayView(chunk), nowMs, out);
}

void FrameDecoder::flushIdle(qint64 nowMs, QList<Frame> &out)
{
    if (m_spec.type != FramingSpec::Type::IdleGap || nowMs - m_lastByteMs < m_spec.idleGapMs)
        return;
    if (!m_buf.isEmpty()) {
        out.append(Frame{std::exchange(m_buf, QByteArray()), pieceFlags(false)});
    }
    m_continuing = false;
}

qint64 FrameDecoder::nextDeadlineMs() const
{
    if (m_spec.type != FramingSpec::Type::IdleGap || m_buf.isEmpty())
        return -1;
    return m_lastByteMs + m_spec.idleGapMs;
}

void FrameDecoder::finish(QList<Frame> &out)
{
    switch (m_spec.type) {
    case FramingSpec::Type::Raw:
        break;
    case FramingSpec::Type::IdleGap:
        if (!m_buf.isEmpty())
            out.append(Frame{std::exchange(m_buf, QByteArray()), pieceFlags(false)});
        break;
    case FramingSpec::Type::Delimiter:
        // Up to delimiter-size - 1 bytes beyond the maximum may wait to rule out a delimiter
        // right at the limit; with the stream over, cut them off as a regular piece.
        // (Several pieces when the delimiter is longer than the maximum.)
        while (m_buf.size() > m_max) {
            out.append(Frame{QByteArray(m_buf.constData(), m_max), pieceFlags(true)});
            m_buf.remove(0, m_max);
            m_continuing = true;
        }
        if (!m_buf.isEmpty()) {
            out.append(
                Frame{std::exchange(m_buf, QByteArray()), pieceFlags(false) | Frame::Incomplete});
        }
        break;
    case FramingSpec::Type::FixedLength:
    case FramingSpec::Type::LengthPrefix:
        if (!m_buf.isEmpty())
            out.append(
                Frame{std::exchange(m_buf, QByteArray()), countedPieceFlags() | Frame::Incomplete});
        break;
    }
    reset();
}

Frame::Flags FrameDecoder::pieceFlags(bool cut) const
{
    if (m_continuing)
        return Frame::Oversized | Frame::Continuation;
    return cut ? Frame::Flags(Frame::Oversized) : Frame::Flags();
}

void FrameDecoder::feedRaw(const char *data, qsizetype size, QList<Frame> &out)
{
    const bool cut = size > m_max;
    for (qsizetype pos = 0; pos < size; pos += m_max) {
        Frame::Flags flags;
        if (cut)
            flags |= Frame::Oversized;
        if (pos > 0)
            flags |= Frame::Continuation;
        out.append(Frame{QByteArray(data + pos, qMin(m_max, size - pos)), flags});
    }
}

void FrameDecoder::feedIdle(const char *data, qsizetype size, QList<Frame> &out)
{
    // A piece is cut only once a byte beyond the maximum arrives, so a frame of exactly
    // maxFrameSize bytes followed by silence is not reported as oversized.
    qsizetype pos = 0;
    while (pos < size) {
        if (m_buf.size() == m_max) {
            out.append(Frame{std::exchange(m_buf, QByteArray()), pieceFlags(true)});
            m_continuing = true;
            continue;
        }
        if (m_buf.isEmpty() && size - pos > m_max) {
            out.append(Frame{QByteArray(data + pos, m_max), pieceFlags(true)});
            m_continuing = true;
            pos += m_max;
            continue;
        }
        const qsizetype take = qMin(size - pos, m_max - m_buf.size());
        m_buf.append(data + pos, take);
        pos += take;
    }
}

// --- Delimiter ----------------------------------------------------------------------------
//
// A frame ends at the first delimiter that starts no later than m_max bytes into it. When the
// stream holds m_max + delimiter-size bytes without such a delimiter, the first m_max bytes
// are cut off as a piece and the search restarts behind them; a delimiter can never straddle
// a cut, so decoding stays in sync and the cuts depend only on the stream.

void FrameDecoder::emitDelimited(QByteArray &&content, QList<Frame> &out)
{
    QByteArray stripped;
    if (m_spec.keepDelimiter) {
        content.append(m_spec.delimiter);
    } else if (m_spec.trimTrailingCr && content.endsWith('\r')) {
        content.chop(1);
        stripped = m_crDelimiter;
    } else {
        stripped = m_spec.delimiter;
    }
    out.append(Frame{std::move(content), pieceFlags(false), std::move(stripped)});
    m_continuing = false;
    m_scanFrom = 0;
}

// Only for chunks too small to resolve a delimiter straddling the buffer boundary: the bytes
// were appended to m_buf, so search there, resuming where the last search stopped.
qsizetype FrameDecoder::scanPending()
{
    const QByteArrayView delim(m_spec.delimiter);
    const qsizetype dlen = delim.size();
    const qsizetype s = m_buf.size();
    // Delimiters must start at most m_max bytes into the frame.
    const qsizetype limit = qMin(s, m_max + dlen);
    return findDelimiter(m_buf.constData(), limit, m_scanFrom, delim);
}

void FrameDecoder::feedDelimited(const char *data, qsizetype size, QList<Frame> &out)
{
    const qsizetype pos = completeCarried(data, size, out);
    if (pos < size)
        scanChunk(data + pos, size - pos, out);
}

// Part 1: complete the frame carried over from earlier chunks. Returns how many bytes of the
// chunk that took; the rest starts with an empty m_buf.
qsizetype FrameDecoder::completeCarried(const char *data, qsizetype size, QList<Frame> &out)
{
    const QByteArrayView delim(m_spec.delimiter);
    const qsizetype dlen = delim.size();
    qsizetype pos = 0;
    while (!m_buf.isEmpty() && pos < size) {
        const qsizetype avail = size - pos;
        const qsizetype s = m_buf.size();

        if (avail < dlen - 1) {
            // Tiny chunk: go through the buffer, and settle everything it allows.
            m_buf.append(data + pos, avail);
            settleTinyChunk(out);
            return size;
        }

        const qsizetype found = straddlingDelimiter(data + pos);
        if (found >= 0) {
            pos += dlen - (s - found);
            m_buf.truncate(found);
            emitDelimited(std::exchange(m_buf, QByteArray()), out);
            break;
        }

        // A delimiter inside the chunk, near enough to keep the frame within m_max.
        if (s <= m_max) {
            const qsizetype window = qMin(avail, m_max - s + dlen);
            const qsizetype q = findDelimiter(data + pos, window, 0, delim);
            if (q >= 0) {
                m_buf.append(data + pos, q);
                pos += q + dlen;
                emitDelimited(std::exchange(m_buf, QByteArray()), out);
                break;
            }
        }

        if (s + avail < m_max + dlen) {
            // Undecided: the whole chunk was searched, keep it.
            m_buf.append(data + pos, avail);
            m_scanFrom = qMax<qsizetype>(0, m_buf.size() - dlen + 1);
            return size;
        }

        // No delimiter within m_max: cut a piece.
        if (s >= m_max) {
            out.append(Frame{QByteArray(m_buf.constData(), m_max), pieceFlags(true)});
            m_buf.remove(0, m_max); // fewer than dlen bytes remain, all straddle candidates
            m_scanFrom = 0;
        } else {
            const qsizetype take = m_max - s;
            m_buf.append(data + pos, take);
            pos += take;
            out.append(Frame{std::exchange(m_buf, QByteArray()), pieceFlags(true)});
        }
        m_continuing = true;
    }
    return pos;
}

// A delimiter starting in m_buf and ending in the chunk at next (which holds at least
// delimiter-size - 1 bytes). Earlier searches covered every start before m_scanFrom, so only
// these few candidates remain. Returns its offset in m_buf, or -1.
qsizetype FrameDecoder::straddlingDelimiter(const char *next) const
{
    const QByteArrayView delim(m_spec.delimiter);
    const qsizetype dlen = delim.size();
    const qsizetype s = m_buf.size();
    for (qsizetype p = m_scanFrom, last = qMin(s - 1, m_max); p <= last; ++p) {
        const qsizetype inBuf = s - p;
        if (std::memcmp(m_buf.constData() + p, delim.data(), size_t(inBuf)) == 0 &&
            std::memcmp(next, delim.data() + inBuf, size_t(dlen - inBuf)) == 0)
            return p;
    }
    return -1;
}

// A chunk too small to resolve a straddling delimiter went into m_buf: emit every frame and
// piece the buffer now allows, and remember where the next search resumes.
void FrameDecoder::settleTinyChunk(QList<Frame> &out)
{
    const qsizetype dlen = m_spec.delimiter.size();
    for (;;) {
        const qsizetype q = scanPending();
        if (q >= 0) {
            QByteArray content;
            if (q + dlen == m_buf.size()) {
                content = std::exchange(m_buf, QByteArray());
                content.truncate(q);
            } else {
                content = QByteArray(m_buf.constData(), q);
                m_buf.remove(0, q + dlen); // fewer than dlen bytes remain
            }
            emitDelimited(std::move(content), out);
        } else if (m_buf.size() >= m_max + dlen) {
            out.append(Frame{QByteArray(m_buf.constData(), m_max), pieceFlags(true)});
            m_buf.remove(0, m_max); // fewer than 2 * dlen bytes remain
            m_continuing = true;
            m_scanFrom = 0;
        } else {
            m_scanFrom = qMax<qsizetype>(0, m_buf.size() - dlen + 1);
            return;
        }
    }
}

// Part 2: frames inside the chunk are copied once, straight out of it. m_buf is empty.
void FrameDecoder::scanChunk(const char *data, qsizetype size, QList<Frame> &out)
{
    const QByteArrayView delim(m_spec.delimiter);
    const qsizetype dlen = delim.size();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype avail = size - pos;
        const qsizetype q = findDelimiter(data + pos, qMin(avail, m_max + dlen), 0, delim);
        if (q >= 0) {
            qsizetype length = q;
            QByteArray stripped = m_spec.delimiter;
            if (m_spec.keepDelimiter) {
                length += dlen;
                stripped.clear();
            } else if (m_spec.trimTrailingCr && q > 0 && data[pos + q - 1] == '\r') {
                --length;
                stripped = m_crDelimiter;
            }
            out.append(
                Frame{QByteArray(data + pos, length), pieceFlags(false), std::move(stripped)});
            m_continuing = false;
            pos += q + dlen;
        } else if (avail >= m_max + dlen) {
            out.append(Frame{QByteArray(data + pos, m_max), pieceFlags(true)});
            m_continuing = true;
            pos += m_max;
        } else {
            m_buf = QByteArray(data + pos, avail);
            m_scanFrom = qMax<qsizetype>(0, avail - dlen + 1);
            return;
        }
    }
}

// --- FixedLength / LengthPrefix -----------------------------------------------------------
//
// Both know a frame's size up front (after the header), so a frame is either emitted straight
// from the chunk or collected in m_buf reserved to its final size and moved out: each byte is
// copied once, or twice when a frame straddles chunks.

void FrameDecoder::startCountedFrame()
{
    m_continuing = false;
    m_frameMalformed = false;
    if (m_spec.type == FramingSpec::Type::FixedLength) {
        m_frameLeft = m_spec.fixedLength;
        m_frameOversized = m_spec.fixedLength > m_max;
    } else {
        m_frameLeft = -1;
        m_frameOversized = false;
    }
}

// header points at the first byte of the frame; sets the size of the whole frame.
void FrameDecoder::readHeader(const char *header)
{
    const auto *field = reinterpret_cast<const uchar *>(header + m_spec.headerOffset);
    const bool big = m_spec.endian == FramingSpec::Endian::Big;
    qint64 length = 0;
    switch (m_spec.lengthSize) {
    case 1:
        length = field[0];
        break;
    case 2:
        length = big ? qFromBigEndian<quint16>(field) : qFromLittleEndian<quint16>(field);
        break;
    default:
        length = big ? qFromBigEndian<quint32>(field) : qFromLittleEndian<quint32>(field);
        break;
    }
    const qint64 headerSize = m_spec.headerSize();
    qint64 total =
        (m_spec.lengthIncludesHeader ? length : headerSize + length) + m_spec.lengthAdjustment;
    // A length shorter than its own header cannot be honoured; emitting just the header keeps
    // the decoder moving (and makes the corruption visible) instead of stalling.
    m_frameMalformed = total < headerSize;
    if (m_frameMalformed)
        total = headerSize;
    m_frameLeft = total;
    m_frameOversized = total > m_max;
}

// A piece continuing a frame implies the frame is oversized (only those are cut), so
// pieceFlags() covers both; only Malformed is particular to counted frames.
Frame::Flags FrameDecoder::countedPieceFlags() const
{
    Frame::Flags flags = pieceFlags(m_frameOversized);
    if (m_frameMalformed)
        flags |= Frame::Malformed;
    return flags;
}

void FrameDecoder::emitPiece(QByteArray &&bytes, bool frameDone, QList<Frame> &out)
{
    out.append(Frame{std::move(bytes), countedPieceFlags()});
    if (frameDone)
        startCountedFrame();
    else
        m_continuing = true;
}

void FrameDecoder::emitPendingPiece(bool frameDone, QList<Frame> &out)
{
    emitPiece(std::exchange(m_buf, QByteArray()), frameDone, out);
}

void FrameDecoder::feedCounted(const char *data, qsizetype size, QList<Frame> &out)
{
    const qsizetype headerSize = m_spec.headerSize();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype avail = size - pos;

        if (m_frameLeft < 0) { // LengthPrefix, header not complete yet
            if (m_buf.isEmpty() && avail >= headerSize) {
                readHeader(data + pos); // the body step below takes the frame from the chunk
                continue;
            }
            const qsizetype take = qMin(avail, headerSize - m_buf.size());
            m_buf.append(data + pos, take);
            pos += take;
            if (m_buf.size() < headerSize)
                break;
            readHeader(m_buf.constData());
            m_frameLeft -= headerSize;
            m_buf.reserve(qsizetype(qMin<qint64>(m_max, headerSize + m_frameLeft)));
            // maxFrameSize >= header size is validated, so this is at most a full piece.
            if (m_frameLeft == 0 || m_buf.size() == m_max)
                emitPendingPiece(m_frameLeft == 0, out);
            continue;
        }

        if (m_buf.isEmpty()) {
            const qsizetype piece = qsizetype(qMin<qint64>(m_max, m_frameLeft));
            if (avail >= piece) {
                m_frameLeft -= piece;
                emitPiece(QByteArray(data + pos, piece), m_frameLeft == 0, out);
                pos += piece;
                continue;
            }
            m_buf.reserve(piece);
        }
        const qsizetype take =
            qsizetype(qMin<qint64>(qMin<qint64>(avail, m_frameLeft), m_max - m_buf.size()));
        m_buf.append(data + pos, take);
        pos += take;
        m_frameLeft -= take;
        if (m_frameLeft == 0 || m_buf.size() == m_max)
            emitPendingPiece(m_frameLeft == 0, out);
    }
}

} // namespace sockscope
