#include "core/codec/hex.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

// The reference: one byte at a time, as obviously right as it gets.
QByteArray plainHex(QByteArrayView data, char separator)
{
    QByteArray s;
    s.reserve(data.size() * 3);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (i > 0 && separator)
            s += separator;
        s += "0123456789ABCDEF"[uchar(data[i]) >> 4];
        s += "0123456789ABCDEF"[uchar(data[i]) & 0xF];
    }
    return s;
}

} // namespace

class tst_Hex : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("only-spaces") << u"  \n\t "_s << QByteArray();
        QTest::newRow("spaced") << u"48 65 6C"_s << QByteArray("Hel");
        QTest::newRow("packed") << u"48656c"_s << QByteArray("Hel");
        QTest::newRow("mixed-case") << u"aBcD"_s << QByteArray::fromHex("abcd");
        QTest::newRow("c-style") << u"0x48,0x65"_s << QByteArray("He");
        QTest::newRow("c-style-spaced") << u"0x48, 0X65, 0x6c"_s << QByteArray("Hel");
        QTest::newRow("backslash-x") << u"\\x48\\x65"_s << QByteArray("He");
        QTest::newRow("newlines-tabs") << u"48\n65\t6c\r\n6C"_s << QByteArray("Hell");
        QTest::newRow("colons-dashes") << u"00:1A-2b"_s << QByteArray::fromHex("001a2b");
        QTest::newRow("semicolons") << u"01;02;"_s << QByteArray::fromHex("0102");
        QTest::newRow("packed-prefixed") << u"0x0102FF"_s << QByteArray::fromHex("0102ff");
        QTest::newRow("fullwidth-comma") << u"01\uFF0C02"_s << QByteArray::fromHex("0102");
        QTest::newRow("zero-bytes") << u"00 00"_s << QByteArray(2, '\0');
    }

    void parseValid()
    {
        QFETCH(QString, input);
        QFETCH(QByteArray, bytes);
        const HexParseResult r = parseHex(input);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.bytes, bytes);
        QVERIFY(r.error.isEmpty());
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qsizetype>("position");
        QTest::addColumn<QString>("reasonContains");

        QTest::newRow("bad-char") << u"48 6G"_s << qsizetype(4) << u"'G'"_s;
        QTest::newRow("odd-single") << u"48 5 6C"_s << qsizetype(3) << u"odd"_s;
        QTest::newRow("odd-packed") << u"48656"_s << qsizetype(0) << u"odd"_s;
        QTest::newRow("odd-prefixed") << u"0x4,0x65"_s << qsizetype(2) << u"odd"_s;
        QTest::newRow("bare-prefix") << u"48 0x"_s << qsizetype(3) << u"0x"_s;
        QTest::newRow("prefix-then-junk") << u"0xZZ"_s << qsizetype(0) << u"0x"_s;
        QTest::newRow("word") << u"hello"_s << qsizetype(0) << u"'h'"_s;
        QTest::newRow("control-char") << (u"48"_s + QChar(0x07)) << qsizetype(2) << u"U+0007"_s;
        QTest::newRow("chinese") << u"48 你"_s << qsizetype(3) << u"'你'"_s;
        QTest::newRow("glued-prefix") << u"0x480x65"_s << qsizetype(5) << u"'x'"_s;
        QTest::newRow("lone-backslash") << u"48\\"_s << qsizetype(2) << u"'\\'"_s;
    }

    void parseInvalid()
    {
        QFETCH(QString, input);
        QFETCH(qsizetype, position);
        QFETCH(QString, reasonContains);
        const HexParseResult r = parseHex(input);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorPosition, position);
        QVERIFY2(r.error.contains(reasonContains), qPrintable(r.error));
        QVERIFY(r.bytes.isEmpty());
    }

    void toHex_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<char>("separator");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray() << ' ' << QByteArray();
        QTest::newRow("one") << QByteArray("\x0a", 1) << ' ' << QByteArray("0A");
        QTest::newRow("spaced") << QByteArray("Hel") << ' ' << QByteArray("48 65 6C");
        QTest::newRow("packed") << QByteArray("\x00\xff", 2) << char(0) << QByteArray("00FF");
        QTest::newRow("colon") << QByteArray("\x01\x02", 2) << ':' << QByteArray("01:02");
    }

    void toHex()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(char, separator);
        QFETCH(QByteArray, expected);
        QCOMPARE(sockscope::toHex(bytes, separator), expected);
        QCOMPARE(toHexString(bytes, separator), QString::fromLatin1(expected));
    }

    void appendHexKeepsWhatIsThere()
    {
        QByteArray out("RX 3 ");
        appendHex(out, QByteArray("\x01\xab\xff", 3));
        QCOMPARE(out, QByteArray("RX 3 01 AB FF"));
        appendHex(out, QByteArray(), ' ');
        QCOMPARE(out, QByteArray("RX 3 01 AB FF"));
        appendHex(out, QByteArray("\x10", 1), char(0));
        QCOMPARE(out, QByteArray("RX 3 01 AB FF10"));
    }

    // appendHex() takes 16 bytes a step where the CPU allows: every length around the
    // block edges, every separator, compared with a plain per-byte formatter.
    void appendHexMatchesPlainFormatter_data()
    {
        QTest::addColumn<char>("separator");
        QTest::newRow("space") << ' ';
        QTest::newRow("colon") << ':';
        QTest::newRow("none") << char(0);
    }

    void appendHexMatchesPlainFormatter()
    {
        QFETCH(char, separator);
        QRandomGenerator rng(11);
        for (int n = 0; n <= 100; ++n) {
            QByteArray data(n, Qt::Uninitialized);
            for (char &c : data)
                c = char(rng.bounded(256));
            QByteArray expected;
            for (int i = 0; i < n; ++i) {
                if (i > 0 && separator)
                    expected += separator;
                expected += "0123456789ABCDEF"[uchar(data[i]) >> 4];
                expected += "0123456789ABCDEF"[uchar(data[i]) & 0xF];
            }
            QByteArray out("> ");
            appendHex(out, data, separator);
            QCOMPARE(out, "> " + expected);
            // Unaligned source: the same bytes one past the start of a buffer.
            const QByteArray shifted = 'x' + data;
            QCOMPARE(sockscope::toHex(QByteArrayView(shifted).sliced(1), separator), expected);
        }
    }

    // Every kernel the CPU has must format exactly as the scalar loop and a plain per-byte
    // formatter do: all lengths 0..300 (every block edge and tail of the 16/32/64-byte
    // kernels), random bytes, source and destination at every offset within a 64-byte block.
    void kernelsMatchScalar_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<char>("separator");
        const struct
        {
            HexKernel kernel;
            const char *name;
        } kernels[] = {{HexKernel::Scalar, "scalar"},
                       {HexKernel::Ssse3, "ssse3"},
                       {HexKernel::Avx2, "avx2"},
                       {HexKernel::Avx512Vbmi, "avx512vbmi"}};
        // The API takes any char; 0 means none. 0x80 and 0xFF have the top bit set that
        // makes a byte shuffle write zero.
        const struct
        {
            char separator;
            const char *name;
        } separators[] = {{' ', "space"},    {':', "colon"},       {char(0), "none"},
                          {'\n', "newline"}, {char(0x80), "0x80"}, {char(0xFF), "0xFF"}};
        for (const auto &k : kernels)
            for (const auto &s : separators)
                QTest::addRow("%s-%s", k.name, s.name) << int(k.kernel) << s.separator;
    }

    void kernelsMatchScalar()
    {
        QFETCH(int, kernel);
        QFETCH(char, separator);
        const auto k = HexKernel(kernel);
        if (!hexKernelSupported(k))
            QSKIP("this CPU does not have the instructions of this kernel");
        QRandomGenerator rng(23);
        QByteArray buffer(300 + 64, Qt::Uninitialized);
        for (int n = 0; n <= 300; ++n) {
            for (char &c : buffer)
                c = char(rng.bounded(256));
            // Every offset for the short lengths, a spread for the long ones (test time).
            for (int offset = 0; offset < 64; offset += (n <= 70 ? 1 : 9)) {
                const QByteArrayView data = QByteArrayView(buffer).sliced(offset, n);
                const QByteArray expected = plainHex(data, separator);
                QByteArray scalar;
                appendHexWith(HexKernel::Scalar, scalar, data, separator);
                QCOMPARE(scalar, expected);
                const QByteArray prefix(offset, '>');
                QByteArray out = prefix;
                appendHexWith(k, out, data, separator);
                if (out != prefix + expected)
                    QFAIL(qPrintable(u"n=%1 offset=%2:\n got %3\nwant %4"_s.arg(n).arg(offset).arg(
                        QString::fromLatin1(out.toPercentEncoding(" :>")),
                        QString::fromLatin1((prefix + expected).toPercentEncoding(" :>")))));
            }
        }
    }

    // Every byte value at every position of a 64-byte block, through each kernel.
    void kernelsEveryByteValue()
    {
        QByteArray data(256 * 65, Qt::Uninitialized);
        for (int i = 0; i < data.size(); ++i)
            data[i] = char(i + i / 256);
        for (HexKernel k :
             {HexKernel::Scalar, HexKernel::Ssse3, HexKernel::Avx2, HexKernel::Avx512Vbmi}) {
            if (!hexKernelSupported(k))
                continue;
            for (char separator : {' ', char(0)}) {
                QByteArray out;
                appendHexWith(k, out, data, separator);
                QCOMPARE(out, plainHex(data, separator));
            }
        }
    }

    // The kernels are nested (each CPU that has one has those below it), appendHex() uses
    // the widest, and the scalar one is always there.
    void kernelSelection()
    {
        const HexKernel best = bestHexKernel();
        QVERIFY(hexKernelSupported(HexKernel::Scalar));
        for (HexKernel k :
             {HexKernel::Scalar, HexKernel::Ssse3, HexKernel::Avx2, HexKernel::Avx512Vbmi})
            QCOMPARE(hexKernelSupported(k), k <= best);
        QByteArray data(1000, Qt::Uninitialized);
        QRandomGenerator rng(5);
        for (char &c : data)
            c = char(rng.bounded(256));
        QByteArray viaBest, viaAppend;
        appendHexWith(best, viaBest, data, ' ');
        appendHex(viaAppend, data);
        QCOMPARE(viaAppend, viaBest);
        qInfo("widest hex kernel on this CPU: %d", int(best));
    }

    // Hex out, hex in: byte-exact for every byte value and random data.
    void roundTrip()
    {
        QByteArray all(256, Qt::Uninitialized);
        for (int i = 0; i < 256; ++i)
            all[i] = char(i);
        for (char sep : {' ', char(0), ',', ':'}) {
            const HexParseResult r = parseHex(toHexString(all, sep));
            QVERIFY(r.ok());
            QCOMPARE(r.bytes, all);
        }
        QRandomGenerator rng(7);
        for (int round = 0; round < 100; ++round) {
            QByteArray data(int(rng.bounded(0, 300)), Qt::Uninitialized);
            for (char &c : data)
                c = char(rng.bounded(256));
            QCOMPARE(parseHex(toHexString(data)).bytes, data);
        }
    }

    void hexDumpLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<quint64>("base");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("empty") << QByteArray() << quint64(0) << QByteArray();
        QTest::newRow("full-line")
            << QByteArray("Hello, world!\n\x00\x01", 16) << quint64(0)
            << QByteArray("00000000  48 65 6C 6C 6F 2C 20 77  6F 72 6C 64 21 0A 00 01  "
                          "|Hello, world!...|\n");
        QTest::newRow("partial-line")
            << QByteArray("ABC") << quint64(0)
            << QByteArray("00000000  41 42 43                                          |ABC|\n");
        QTest::newRow("two-lines-gutter")
            << QByteArray("0123456789abcdef\x7f\x80 ~", 20) << quint64(0)
            << QByteArray("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  "
                          "|0123456789abcdef|\n"
                          "00000010  7F 80 20 7E                                       |.. ~|\n");
        QTest::newRow("base-offset")
            << QByteArray("Z") << quint64(0x1230)
            << QByteArray("00001230  5A                                                |Z|\n");
        QTest::newRow("wide-offset")
            << QByteArray("Z") << quint64(0x123456789ULL)
            << QByteArray("000123456789  5A                                                |Z|\n");
    }

    void hexDumpLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(quint64, base);
        QFETCH(QByteArray, expected);
        QCOMPARE(hexDump(bytes, base), expected);

        // Line-at-a-time formatting (used by the painting widget) agrees.
        QByteArray joined;
        const int width = HexDump::lineWidth(base + quint64(bytes.size()));
        QByteArray line(width, Qt::Uninitialized);
        for (qsizetype i = 0; i < HexDump::lineCount(bytes.size()); ++i) {
            const int n = HexDump::formatLine(line.data(), bytes, i, base);
            QVERIFY(n <= width);
            joined += line.left(n) + '\n';
        }
        QCOMPARE(joined, expected);
    }

    void hexDumpSizes()
    {
        QCOMPARE(HexDump::lineCount(0), 0);
        QCOMPARE(HexDump::lineCount(1), 1);
        QCOMPARE(HexDump::lineCount(16), 1);
        QCOMPARE(HexDump::lineCount(17), 2);
        const QByteArray big(1 << 20, 'x');
        const QByteArray dump = hexDump(big);
        QCOMPARE(dump.count('\n'), (1 << 20) / 16);
        QCOMPARE(dump.size(), qsizetype((1 << 20) / 16) * 79);
    }
};

QTEST_GUILESS_MAIN(tst_Hex)
#include "tst_hex.moc"
