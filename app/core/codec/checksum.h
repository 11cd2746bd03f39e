#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace sockscope {

// Checksums a user can append to outgoing messages and verify on incoming frames.
// CRC parameters follow the reveng catalogue names.
enum class ChecksumKind
{
    None,
    Sum8,            // low byte of the byte sum
    Xor8,            // XOR of all bytes
    Crc8,            // CRC-8/SMBUS: poly 0x07, init 0x00
    Crc16Modbus,     // poly 0x8005 reflected, init 0xFFFF
    Crc16CcittFalse, // poly 0x1021, init 0xFFFF
    Crc16Xmodem,     // poly 0x1021, init 0x0000
    Crc32,           // CRC-32/ISO-HDLC, the zlib/Ethernet one
};

enum class ByteOrder
{
    BigEndian,
    LittleEndian
};

// Every kind except None, in the order a UI should list them.
QList<ChecksumKind> checksumKinds();

// Stable id for settings and the command line: "none", "sum8", "xor8", "crc8",
// "crc16-modbus", "crc16-ccitt-false", "crc16-xmodem", "crc32".
QString checksumId(ChecksumKind kind);
// Human-readable name, e.g. "CRC-16/MODBUS"; "None" is translated.
QString checksumDisplayName(ChecksumKind kind);
// Accepts the id or the display name, case-insensitively. Leaves *kind alone on failure.
bool checksumKindFromName(QStringView name, ChecksumKind *kind);

// Bytes the checksum occupies on the wire: 0 for None, 1, 2 or 4.
int checksumWidth(ChecksumKind kind);
// MODBUS RTU sends its CRC low byte first; everything else is conventionally big-endian.
ByteOrder defaultByteOrder(ChecksumKind kind);

// Incremental computation, for data that arrives or is read in pieces.
class ChecksumState
{
public:
    explicit ChecksumState(ChecksumKind kind = ChecksumKind::None);

    void update(QByteArrayView data);
    quint32 value() const; // the finished checksum of everything so far
    void reset();
    ChecksumKind kind() const { return m_kind; }

private:
    ChecksumKind m_kind;
    quint32 m_register; // CRC register before final XOR; running sum/xor for the 8-bit kinds
};

quint32 computeChecksum(ChecksumKind kind, QByteArrayView data);

// The checksum as `checksumWidth(kind)` bytes in the given order (empty for None).
QByteArray checksumBytes(ChecksumKind kind, QByteArrayView data, ByteOrder order);
QByteArray checksumBytes(ChecksumKind kind, QByteArrayView data); // default order

// Appends the checksum of the whole of `frame` to it.
void appendChecksum(QByteArray &frame, ChecksumKind kind, ByteOrder order);
void appendChecksum(QByteArray &frame, ChecksumKind kind); // default order

// True when the last checksumWidth(kind) bytes of `frame` are the checksum of the
// bytes before them. Frames shorter than the width fail; None always passes since
// there is nothing to check.
bool verifyTrailingChecksum(ChecksumKind kind, ByteOrder order, QByteArrayView frame);

} // namespace sockscope
