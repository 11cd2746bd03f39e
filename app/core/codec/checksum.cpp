#include "core/codec/checksum.h"

#include <QCoreApplication>

#include <array>

namespace sockscope {

namespace {

using Table8 = std::array<quint8, 256>;
using Table16 = std::array<quint16, 256>;
using Table32 = std::array<quint32, 256>;

// Tables are built at compile time so there is no init-order or thread-safety
// question, and the per-byte loop is one lookup.
constexpr Table8 makeCrc8Table(quint8 poly)
{
    Table8 t{};
    for (int i = 0; i < 256; ++i) {
        quint8 c = quint8(i);
        for (int b = 0; b < 8; ++b)
            c = (c & 0x80) ? quint8((c << 1) ^ poly) : quint8(c << 1);
        t[i] = c;
    }
    return t;
}

constexpr Table16 makeCrc16Table(quint16 poly) // MSB-first
{
    Table16 t{};
    for (int i = 0; i < 256; ++i) {
        quint16 c = quint16(i << 8);
        for (int b = 0; b < 8; ++b)
            c = (c & 0x8000) ? quint16((c << 1) ^ poly) : quint16(c << 1);
        t[i] = c;
    }
    return t;
}

constexpr Table16 makeCrc16ReflectedTable(quint16 reflectedPoly) // LSB-first
{
    Table16 t{};
    for (int i = 0; i < 256; ++i) {
        quint16 c = quint16(i);
        for (int b = 0; b < 8; ++b)
            c = (c & 1) ? quint16((c >> 1) ^ reflectedPoly) : quint16(c >> 1);
        t[i] = c;
    }
    return t;
}

constexpr Table32 makeCrc32ReflectedTable(quint32 reflectedPoly)
{
    Table32 t{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int b = 0; b < 8; ++b)
            c = (c & 1) ? (c >> 1) ^ reflectedPoly : c >> 1;
        t[i] = c;
    }
    return t;
}

constexpr Table8 kCrc8Table = makeCrc8Table(0x07);
constexpr Table16 kCrc16CcittTable = makeCrc16Table(0x1021);
constexpr Table16 kCrc16ModbusTable = makeCrc16ReflectedTable(0xA001); // 0x8005 reflected
constexpr Table32 kCrc32Table = makeCrc32ReflectedTable(0xEDB88320);   // 0x04C11DB7 reflected

static_assert(kCrc8Table[1] == 0x07, "CRC-8 table");
static_assert(kCrc16CcittTable[1] == 0x1021, "CRC-16/CCITT table");
static_assert(kCrc32Table[128] == 0xEDB88320, "CRC-32 table");

quint32 initialRegister(ChecksumKind kind)
{
    switch (kind) {
    case ChecksumKind::Crc16Modbus:
    case ChecksumKind::Crc16CcittFalse:
        return 0xFFFF;
    case ChecksumKind::Crc32:
        return 0xFFFFFFFF;
    default:
        return 0;
    }
}

struct KindInfo
{
    ChecksumKind kind;
    const char *id;
    const char *displayName;
};

// Display names are the catalogue names, which are not translated.
constexpr KindInfo kKinds[] = {
    {ChecksumKind::Sum8, "sum8", "Sum8"},
    {ChecksumKind::Xor8, "xor8", "XOR8"},
    {ChecksumKind::Crc8, "crc8", "CRC-8"},
    {ChecksumKind::Crc16Modbus, "crc16-modbus", "CRC-16/MODBUS"},
    {ChecksumKind::Crc16CcittFalse, "crc16-ccitt-false", "CRC-16/CCITT-FALSE"},
    {ChecksumKind::Crc16Xmodem, "crc16-xmodem", "CRC-16/XMODEM"},
    {ChecksumKind::Crc32, "crc32", "CRC-32"},
};

const KindInfo *infoFor(ChecksumKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return &info;
    }
    return nullptr;
}

} // namespace

QList<ChecksumKind> checksumKinds()
{
    QList<ChecksumKind> kinds;
    for (const KindInfo &info : kKinds)
        kinds.append(info.kind);
    return kinds;
}

QString checksumId(ChecksumKind kind)
{
    const KindInfo *info = infoFor(kind);
    return info ? QString::fromLatin1(info->id) : QStringLiteral("none");
}

QString checksumDisplayName(ChecksumKind kind)
{
    const KindInfo *info = infoFor(kind);
    return info ? QString::fromLatin1(info->displayName)
                : QCoreApplication::translate("sockscope::Checksum", "None");
}

bool checksumKindFromName(QStringView name, ChecksumKind *kind)
{
    const QStringView n = name.trimmed();
    ChecksumKind found = ChecksumKind::None;
    bool ok = n.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
    for (const KindInfo &info : kKinds) {
        if (ok)
            break;
        if (n.compare(QLatin1String(info.id), Qt::CaseInsensitive) == 0 ||
            n.compare(QLatin1String(info.displayName), Qt::CaseInsensitive) == 0) {
            found = info.kind;
            ok = true;
        }
    }
    if (ok && kind)
        *kind = found;
    return ok;
}

int checksumWidth(ChecksumKind kind)
{
    switch (kind) {
    case ChecksumKind::None:
        return 0;
    case ChecksumKind::Sum8:
    case ChecksumKind::Xor8:
    case ChecksumKind::Crc8:
        return 1;
    case ChecksumKind::Crc16Modbus:
    case ChecksumKind::Crc16CcittFalse:
    case ChecksumKind::Crc16Xmodem:
        return 2;
    case ChecksumKind::Crc32:
        return 4;
    }
    return 0;
}

ByteOrder defaultByteOrder(ChecksumKind kind)
{
    return kind == ChecksumKind::Crc16Modbus ? ByteOrder::LittleEndian : ByteOrder::BigEndian;
}

ChecksumState::ChecksumState(ChecksumKind kind) : m_kind(kind), m_register(initialRegister(kind)) {}

void ChecksumState::reset()
{
    m_register = initialRegister(m_kind);
}

void ChecksumState::update(QByteArrayView data)
{
    const auto *p = reinterpret_cast<const quint8 *>(data.data());
    const auto *end = p + data.size();
    // Work on a local copy so the compiler can keep the register in a CPU register.
    quint32 r = m_register;
    switch (m_kind) {
    case ChecksumKind::None:
        return;
    case ChecksumKind::Sum8:
        for (; p != end; ++p)
            r += *p;
        r &= 0xFF;
        break;
    case ChecksumKind::Xor8:
        for (; p != end; ++p)
            r ^= *p;
        break;
    case ChecksumKind::Crc8:
        for (; p != end; ++p)
            r = kCrc8Table[(r ^ *p) & 0xFF];
        break;
    case ChecksumKind::Crc16Modbus:
        for (; p != end; ++p)
            r = (r >> 8) ^ kCrc16ModbusTable[(r ^ *p) & 0xFF];
        break;
    case ChecksumKind::Crc16CcittFalse:
    case ChecksumKind::Crc16Xmodem:
        for (; p != end; ++p)
            r = ((r << 8) ^ kCrc16CcittTable[((r >> 8) ^ *p) & 0xFF]) & 0xFFFF;
        break;
    case ChecksumKind::Crc32:
        for (; p != end; ++p)
            r = (r >> 8) ^ kCrc32Table[(r ^ *p) & 0xFF];
        break;
    }
    m_register = r;
}

quint32 ChecksumState::value() const
{
    return m_kind == ChecksumKind::Crc32 ? m_register ^ 0xFFFFFFFF : m_register;
}

quint32 computeChecksum(ChecksumKind kind, QByteArrayView data)
{
    ChecksumState state(kind);
    state.update(data);
    return state.value();
}

QByteArray checksumBytes(ChecksumKind kind, QByteArrayView data, ByteOrder order)
{
    const int width = checksumWidth(kind);
    const quint32 value = computeChecksum(kind, data);
    QByteArray out(width, Qt::Uninitialized);
    for (int i = 0; i < width; ++i) {
        const int shift = order == ByteOrder::BigEndian ? 8 * (width - 1 - i) : 8 * i;
        out[i] = char((value >> shift) & 0xFF);
    }
    return out;
}

QByteArray checksumBytes(ChecksumKind kind, QByteArrayView data)
{
    return checksumBytes(kind, data, defaultByteOrder(kind));
}

void appendChecksum(QByteArray &frame, ChecksumKind kind, ByteOrder order)
{
    frame.append(checksumBytes(kind, frame, order));
}

void appendChecksum(QByteArray &frame, ChecksumKind kind)
{
    appendChecksum(frame, kind, defaultByteOrder(kind));
}

bool verifyTrailingChecksum(ChecksumKind kind, ByteOrder order, QByteArrayView frame)
{
    const int width = checksumWidth(kind);
    if (frame.size() < width)
        return false;
    const qsizetype payloadSize = frame.size() - width;
    return checksumBytes(kind, frame.first(payloadSize), order) == frame.sliced(payloadSize);
}

} // namespace sockscope
