#include "core/codec/checksum.h"

#include <QTest>

using sockscope::ByteOrder;
using sockscope::ChecksumKind;

namespace {

// Expected values come from the reveng CRC catalogue check values and from an
// independent bit-by-bit reference implementation (not the table code under test).
const QByteArray kCheck("123456789");
const QByteArray kFox("The quick brown fox jumps over the lazy dog");
const QByteArray kModbusRequest = QByteArray::fromHex("01030000000A");

QByteArray allBytes()
{
    QByteArray out;
    for (int i = 0; i < 256; ++i)
        out.append(char(i));
    return out;
}

const ChecksumKind kAllKinds[] = {
    ChecksumKind::None,        ChecksumKind::Sum8,        ChecksumKind::Xor8,
    ChecksumKind::Crc8,        ChecksumKind::Crc16Modbus, ChecksumKind::Crc16CcittFalse,
    ChecksumKind::Crc16Xmodem, ChecksumKind::Crc32,
};

} // namespace

class tst_Checksum : public QObject
{
    Q_OBJECT

private slots:
    void compute_data();
    void compute();
    void incremental_data();
    void incremental();
    void stateReset();
    void names_data();
    void names();
    void parseBadNames_data();
    void parseBadNames();
    void kindList();
    void widthAndDefaultOrder_data();
    void widthAndDefaultOrder();
    void checksumBytes_data();
    void checksumBytes();
    void appendChecksum();
    void verify_data();
    void verify();
    void verifyEveryKindRoundTrip();
};

void tst_Checksum::compute_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint32>("expected");

    struct Row
    {
        const char *name;
        QByteArray data;
        quint32 none, sum8, xor8, crc8, modbus, ccitt, xmodem, crc32;
    };
    const Row rows[] = {
        {"empty", QByteArray(), 0, 0x00, 0x00, 0x00, 0xFFFF, 0xFFFF, 0x0000, 0x00000000},
        {"00", QByteArray(1, '\0'), 0, 0x00, 0x00, 0x00, 0x40BF, 0xE1F0, 0x0000, 0xD202EF8D},
        {"01", QByteArray("\x01"), 0, 0x01, 0x01, 0x07, 0x807E, 0xF1D1, 0x1021, 0xA505DF1B},
        {"FF", QByteArray("\xFF"), 0, 0xFF, 0xFF, 0xF3, 0x00FF, 0xFF00, 0x1EF0, 0xFF000000},
        {"A", QByteArray("A"), 0, 0x41, 0x41, 0xC0, 0x707F, 0xB915, 0x58E5, 0xD3D99E8B},
        {"check-123456789", kCheck, 0, 0xDD, 0x31, 0xF4, 0x4B37, 0x29B1, 0x31C3, 0xCBF43926},
        {"fox", kFox, 0, 0xD9, 0x4F, 0xC1, 0xA89C, 0x8FDD, 0xF0C8, 0x414FA339},
        {"modbus-request", kModbusRequest, 0, 0x0E, 0x08, 0xB9, 0xCDC5, 0x0428, 0x0A38, 0xDDEBE1C8},
        {"bytes-00-FF", allBytes(), 0, 0x80, 0x00, 0x14, 0xDE6C, 0x3FBD, 0x7E55, 0x29058C73},
    };
    for (const Row &r : rows) {
        const quint32 values[] = {r.none,   r.sum8,  r.xor8,   r.crc8,
                                  r.modbus, r.ccitt, r.xmodem, r.crc32};
        for (size_t k = 0; k < std::size(kAllKinds); ++k) {
            const ChecksumKind kind = kAllKinds[k];
            QTest::addRow("%s/%s", qPrintable(sockscope::checksumId(kind)), r.name)
                << kind << r.data << values[k];
        }
    }
}

void tst_Checksum::compute()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(QByteArray, data);
    QFETCH(quint32, expected);

    QCOMPARE(sockscope::computeChecksum(kind, data), expected);
}

// A streamed file must give the same checksum whatever the chunking.
void tst_Checksum::incremental_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    for (ChecksumKind kind : kAllKinds)
        QTest::newRow(qPrintable(sockscope::checksumId(kind))) << kind;
}

void tst_Checksum::incremental()
{
    QFETCH(ChecksumKind, kind);

    const quint32 whole = sockscope::computeChecksum(kind, kFox);
    for (qsizetype cut = 0; cut <= kFox.size(); ++cut) {
        sockscope::ChecksumState state(kind);
        state.update(QByteArrayView(kFox).first(cut));
        state.update(QByteArrayView(kFox).sliced(cut));
        QCOMPARE(state.value(), whole);
    }

    sockscope::ChecksumState byteByByte(kind);
    QCOMPARE(byteByByte.kind(), kind);
    for (char c : kFox) {
        byteByByte.update(QByteArrayView(&c, 1));
        byteByByte.update(QByteArrayView()); // empty updates change nothing
    }
    QCOMPARE(byteByByte.value(), whole);
}

void tst_Checksum::stateReset()
{
    sockscope::ChecksumState state(ChecksumKind::Crc32);
    state.update(kFox);
    state.reset();
    QCOMPARE(state.value(), 0u); // CRC-32 of nothing
    state.update(kCheck);
    QCOMPARE(state.value(), 0xCBF43926u);

    sockscope::ChecksumState modbus(ChecksumKind::Crc16Modbus);
    modbus.update(kFox);
    modbus.reset();
    QCOMPARE(modbus.value(), 0xFFFFu); // back to the init value, not zero

    const sockscope::ChecksumState none;
    QCOMPARE(none.kind(), ChecksumKind::None);
    QCOMPARE(none.value(), 0u);
}

void tst_Checksum::names_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("displayName");

    QTest::newRow("none") << ChecksumKind::None << QStringLiteral("none") << QStringLiteral("None");
    QTest::newRow("sum8") << ChecksumKind::Sum8 << QStringLiteral("sum8") << QStringLiteral("Sum8");
    QTest::newRow("xor8") << ChecksumKind::Xor8 << QStringLiteral("xor8") << QStringLiteral("XOR8");
    QTest::newRow("crc8") << ChecksumKind::Crc8 << QStringLiteral("crc8")
                          << QStringLiteral("CRC-8");
    QTest::newRow("modbus") << ChecksumKind::Crc16Modbus << QStringLiteral("crc16-modbus")
                            << QStringLiteral("CRC-16/MODBUS");
    QTest::newRow("ccitt-false") << ChecksumKind::Crc16CcittFalse
                                 << QStringLiteral("crc16-ccitt-false")
                                 << QStringLiteral("CRC-16/CCITT-FALSE");
    QTest::newRow("xmodem") << ChecksumKind::Crc16Xmodem << QStringLiteral("crc16-xmodem")
                            << QStringLiteral("CRC-16/XMODEM");
    QTest::newRow("crc32") << ChecksumKind::Crc32 << QStringLiteral("crc32")
                           << QStringLiteral("CRC-32");
}

void tst_Checksum::names()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(QString, id);
    QFETCH(QString, displayName);

    QCOMPARE(sockscope::checksumId(kind), id);
    QCOMPARE(sockscope::checksumDisplayName(kind), displayName);

    // Start from a different kind so a parse that "succeeds" without writing is caught.
    const ChecksumKind sentinel =
        kind == ChecksumKind::Crc32 ? ChecksumKind::Sum8 : ChecksumKind::Crc32;
    const QString variants[] = {id, id.toUpper(), displayName, displayName.toLower(),
                                QLatin1Char(' ') + id + QLatin1Char('\t')};
    for (const QString &name : variants) {
        ChecksumKind parsed = sentinel;
        QVERIFY2(sockscope::checksumKindFromName(name, &parsed), qPrintable(name));
        QCOMPARE(parsed, kind);
    }
    QVERIFY(sockscope::checksumKindFromName(id, nullptr));
}

void tst_Checksum::parseBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("crc") << QStringLiteral("crc");
    QTest::newRow("crc16") << QStringLiteral("crc16");
    QTest::newRow("crc32x") << QStringLiteral("crc32x");
    QTest::newRow("md5") << QStringLiteral("md5");
    QTest::newRow("modbus-no-prefix") << QStringLiteral("modbus");
}

void tst_Checksum::parseBadNames()
{
    QFETCH(QString, name);
    ChecksumKind kind = ChecksumKind::Crc8;
    QVERIFY(!sockscope::checksumKindFromName(name, &kind));
    QCOMPARE(kind, ChecksumKind::Crc8); // untouched on failure
}

void tst_Checksum::kindList()
{
    const QList<ChecksumKind> kinds = sockscope::checksumKinds();
    QCOMPARE(kinds.size(), qsizetype(std::size(kAllKinds) - 1));
    QVERIFY(!kinds.contains(ChecksumKind::None));
    for (ChecksumKind kind : kAllKinds) {
        if (kind != ChecksumKind::None)
            QVERIFY(kinds.contains(kind));
    }
}

void tst_Checksum::widthAndDefaultOrder_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<int>("width");
    QTest::addColumn<ByteOrder>("order");

    QTest::newRow("none") << ChecksumKind::None << 0 << ByteOrder::BigEndian;
    QTest::newRow("sum8") << ChecksumKind::Sum8 << 1 << ByteOrder::BigEndian;
    QTest::newRow("xor8") << ChecksumKind::Xor8 << 1 << ByteOrder::BigEndian;
    QTest::newRow("crc8") << ChecksumKind::Crc8 << 1 << ByteOrder::BigEndian;
    QTest::newRow("modbus") << ChecksumKind::Crc16Modbus << 2 << ByteOrder::LittleEndian;
    QTest::newRow("ccitt-false") << ChecksumKind::Crc16CcittFalse << 2 << ByteOrder::BigEndian;
    QTest::newRow("xmodem") << ChecksumKind::Crc16Xmodem << 2 << ByteOrder::BigEndian;
    QTest::newRow("crc32") << ChecksumKind::Crc32 << 4 << ByteOrder::BigEndian;
}

void tst_Checksum::widthAndDefaultOrder()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(int, width);
    QFETCH(ByteOrder, order);

    QCOMPARE(sockscope::checksumWidth(kind), width);
    QCOMPARE(sockscope::defaultByteOrder(kind), order);
    QCOMPARE(sockscope::checksumBytes(kind, kCheck, ByteOrder::BigEndian).size(), width);
    QCOMPARE(sockscope::checksumBytes(kind, kCheck, ByteOrder::LittleEndian).size(), width);
}

void tst_Checksum::checksumBytes_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("none") << ChecksumKind::None << ByteOrder::BigEndian << kCheck << QByteArray();
    QTest::newRow("sum8-be") << ChecksumKind::Sum8 << ByteOrder::BigEndian << kCheck
                             << QByteArray("dd");
    QTest::newRow("sum8-le") << ChecksumKind::Sum8 << ByteOrder::LittleEndian << kCheck
                             << QByteArray("dd");
    QTest::newRow("modbus-le") << ChecksumKind::Crc16Modbus << ByteOrder::LittleEndian << kCheck
                               << QByteArray("374b");
    QTest::newRow("modbus-be") << ChecksumKind::Crc16Modbus << ByteOrder::BigEndian << kCheck
                               << QByteArray("4b37");
    // A real Modbus RTU "read 10 holding registers" request ends in C5 CD on the wire.
    QTest::newRow("modbus-request-le") << ChecksumKind::Crc16Modbus << ByteOrder::LittleEndian
                                       << kModbusRequest << QByteArray("c5cd");
    QTest::newRow("ccitt-false-be")
        << ChecksumKind::Crc16CcittFalse << ByteOrder::BigEndian << kCheck << QByteArray("29b1");
    QTest::newRow("xmodem-le") << ChecksumKind::Crc16Xmodem << ByteOrder::LittleEndian << kCheck
                               << QByteArray("c331");
    QTest::newRow("crc32-be") << ChecksumKind::Crc32 << ByteOrder::BigEndian << kCheck
                              << QByteArray("cbf43926");
    QTest::newRow("crc32-le") << ChecksumKind::Crc32 << ByteOrder::LittleEndian << kCheck
                              << QByteArray("2639f4cb");
    // Leading zero bytes must be kept, not trimmed.
    QTest::newRow("xmodem-leading-zero") << ChecksumKind::Crc16Xmodem << ByteOrder::BigEndian
                                         << QByteArray("\x01") << QByteArray("1021");
    QTest::newRow("crc32-trailing-zeros") << ChecksumKind::Crc32 << ByteOrder::BigEndian
                                          << QByteArray("\xFF") << QByteArray("ff000000");
    QTest::newRow("crc32-empty") << ChecksumKind::Crc32 << ByteOrder::BigEndian << QByteArray()
                                 << QByteArray("00000000");
}

void tst_Checksum::checksumBytes()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(ByteOrder, order);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);

    QCOMPARE(sockscope::checksumBytes(kind, data, order).toHex(), expectedHex);
    if (order == sockscope::defaultByteOrder(kind))
        QCOMPARE(sockscope::checksumBytes(kind, data).toHex(), expectedHex);
}

void tst_Checksum::appendChecksum()
{
    QByteArray frame = kModbusRequest;
    sockscope::appendChecksum(frame, ChecksumKind::Crc16Modbus);
    QCOMPARE(frame.toHex(), QByteArray("01030000000ac5cd"));

    frame = kCheck;
    sockscope::appendChecksum(frame, ChecksumKind::Crc32, ByteOrder::LittleEndian);
    QCOMPARE(frame, kCheck + QByteArray::fromHex("2639f4cb"));

    frame = kCheck;
    sockscope::appendChecksum(frame, ChecksumKind::None);
    QCOMPARE(frame, kCheck);

    frame.clear();
    sockscope::appendChecksum(frame, ChecksumKind::Crc16CcittFalse);
    QCOMPARE(frame.toHex(), QByteArray("ffff"));
}

void tst_Checksum::verify_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<QByteArray>("frameHex");
    QTest::addColumn<bool>("valid");

    const auto le = ByteOrder::LittleEndian;
    const auto be = ByteOrder::BigEndian;
    const auto modbus = ChecksumKind::Crc16Modbus;

    QTest::newRow("empty-crc16") << modbus << le << QByteArray() << false;
    QTest::newRow("one-byte-crc16") << modbus << le << QByteArray("ff") << false;
    QTest::newRow("three-bytes-crc32")
        << ChecksumKind::Crc32 << be << QByteArray("000000") << false;
    QTest::newRow("empty-sum8") << ChecksumKind::Sum8 << be << QByteArray() << false;
    // A frame that is only a checksum: the checksum of zero bytes.
    QTest::newRow("only-crc16-of-nothing") << modbus << le << QByteArray("ffff") << true;
    QTest::newRow("only-crc32-of-nothing")
        << ChecksumKind::Crc32 << be << QByteArray("00000000") << true;
    QTest::newRow("only-crc32-wrong")
        << ChecksumKind::Crc32 << be << QByteArray("00000001") << false;
    QTest::newRow("none-empty") << ChecksumKind::None << be << QByteArray() << true;
    QTest::newRow("none-data") << ChecksumKind::None << be << QByteArray("0102") << true;

    QTest::newRow("modbus-good") << modbus << le << QByteArray("01030000000ac5cd") << true;
    QTest::newRow("modbus-wrong-order") << modbus << be << QByteArray("01030000000ac5cd") << false;
    QTest::newRow("modbus-payload-flipped")
        << modbus << le << QByteArray("01030000000bc5cd") << false;
    QTest::newRow("modbus-crc-flipped") << modbus << le << QByteArray("01030000000ac5cc") << false;
    QTest::newRow("modbus-truncated") << modbus << le << QByteArray("01030000000ac5") << false;
    QTest::newRow("sum8-good") << ChecksumKind::Sum8 << be << QByteArray("010203040a") << true;
    QTest::newRow("sum8-bad") << ChecksumKind::Sum8 << be << QByteArray("010203040b") << false;
    QTest::newRow("xor8-good") << ChecksumKind::Xor8 << be << QByteArray("0102030404") << true;
    QTest::newRow("crc32-good-be")
        << ChecksumKind::Crc32 << be << kCheck.toHex() + QByteArray("cbf43926") << true;
    QTest::newRow("crc32-good-le")
        << ChecksumKind::Crc32 << le << kCheck.toHex() + QByteArray("2639f4cb") << true;
    QTest::newRow("crc32-le-as-be")
        << ChecksumKind::Crc32 << be << kCheck.toHex() + QByteArray("2639f4cb") << false;
}

void tst_Checksum::verify()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(ByteOrder, order);
    QFETCH(QByteArray, frameHex);
    QFETCH(bool, valid);

    QCOMPARE(sockscope::verifyTrailingChecksum(kind, order, QByteArray::fromHex(frameHex)), valid);
}

// append then verify must agree for every kind and order, and a single flipped
// bit anywhere must be caught by every CRC.
void tst_Checksum::verifyEveryKindRoundTrip()
{
    for (ChecksumKind kind : kAllKinds) {
        for (ByteOrder order : {ByteOrder::BigEndian, ByteOrder::LittleEndian}) {
            QByteArray frame = kFox;
            sockscope::appendChecksum(frame, kind, order);
            QCOMPARE(frame.size(), kFox.size() + sockscope::checksumWidth(kind));
            QVERIFY(sockscope::verifyTrailingChecksum(kind, order, frame));
            if (kind == ChecksumKind::None)
                continue;
            for (qsizetype i = 0; i < frame.size(); ++i) {
                QByteArray bad = frame;
                bad[i] = char(bad[i] ^ 0x10);
                QVERIFY2(!sockscope::verifyTrailingChecksum(kind, order, bad),
                         qPrintable(sockscope::checksumId(kind) + QString::number(i)));
            }
        }
    }
}

QTEST_APPLESS_MAIN(tst_Checksum)
#include "tst_checksum.moc"
