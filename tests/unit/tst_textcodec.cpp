#include "core/codec/escapes.h"
#include "core/codec/textcodec.h"
#include "require.h"
#include "testseed.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sockscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sockscope::Encoding)

class tst_TextCodec : public QObject
{
    Q_OBJECT

private:
    static QString decodeInChunks(const QByteArray &bytes, Encoding enc, const QList<int> &cuts)
    {
        StreamDecoder d(enc);
        QString out;
        int prev = 0;
        for (int cut : cuts) {
            d.decode(QByteArrayView(bytes).sliced(prev, cut - prev), out);
            prev = cut;
        }
        d.decode(QByteArrayView(bytes).sliced(prev), out);
        d.finish(out);
        return out;
    }

    // Feeds chunks to one StreamDecoder and, as the session and the log do, to a CharCarry
    // whose carry-in each record is rendered with on its own (decodeRecord). Every record must
    // read exactly what the stream decoder produced for that chunk, and both must hold back
    // the same bytes; the records plus the end of the stream read like one-shot decoding.
    static void checkRecordsMatchStream(const QList<QByteArray> &chunks, Encoding enc,
                                        InvalidBytes style, QStringList *rows = nullptr)
    {
        const auto context = [&] {
            QByteArrayList hex;
            for (const QByteArray &c : chunks)
                hex << c.toHex(' ');
            return QByteArray(encodingName(enc).toLatin1() + " style " +
                              QByteArray::number(int(style)) + " chunks [" + hex.join(" | ") + "]");
        };
        StreamDecoder stream(enc, style);
        CharCarry carry(enc);
        QString joined;
        for (const QByteArray &chunk : chunks) {
            const QString expected = stream.decode(chunk);
            const CarryIn in = carry.feed(chunk);
            const QString record = decodeRecord(in, chunk, enc, style);
            QVERIFY2(record == expected,
                     context() + " record " + record.toUtf8() + " stream " + expected.toUtf8());
            QVERIFY2(carry.pending().size == stream.pendingBytes(), context());
            joined += record;
            if (rows)
                rows->append(record);
        }
        joined += stream.finish();
        QVERIFY2(joined == decodeText(chunks.join(), enc, style), context());
    }

    // Bytes that exercise both decoders: valid UTF-8 and GBK/GB18030 characters, their
    // fragments, GB18030 four-byte look-alikes, runs of lead bytes, anything at all.
    static QByteArray interestingBytes(QRandomGenerator &rng, int maxPieces)
    {
        QByteArray out;
        for (int i = 0, n = int(rng.bounded(maxPieces + 1)); i < n; ++i) {
            const auto any = [&] { return char(rng.bounded(256)); };
            const auto in = [&](int lo, int hi) { return char(lo + rng.bounded(hi - lo + 1)); };
            switch (rng.bounded(9)) {
            case 0:
            case 1:
                out += any();
                break;
            case 2:
                out += in(0x20, 0x7e);
                break;
            case 3: // a two-byte GBK code, or a lead with a trail out of range
                out += in(0x81, 0xfe);
                out += rng.bounded(4) ? in(0x40, 0xfe) : any();
                break;
            case 4: // a GB18030 four-byte form, sometimes broken or unassigned
                out += in(0x81, rng.bounded(2) ? 0x84 : 0xfe);
                out += in(0x30, 0x39);
                out += rng.bounded(5) ? in(0x81, 0xfe) : any();
                out += rng.bounded(5) ? in(0x30, 0x39) : any();
                break;
            case 5:
                out += in(0x30, 0x39);
                break;
            case 6: // a run of high bytes: lead/trail parity decides everything
                for (int k = 0, len = int(rng.bounded(1, 6)); k < len; ++k)
                    out += in(0x80, 0xff);
                break;
            case 7: { // a UTF-8 character, sometimes cut short
                const char32_t cp = rng.bounded(4) ? char32_t(rng.bounded(0x80, 0x10000))
                                                   : char32_t(rng.bounded(0x10000, 0x110000));
                QByteArray utf8 = QString::fromUcs4(&cp, 1).toUtf8();
                if (rng.bounded(4) == 0)
                    utf8.chop(1);
                out += utf8;
                break;
            }
            default: // UTF-8 lead and continuation bytes on their own
                out += in(0x80, 0xf7);
                break;
            }
        }
        return out;
    }

    static QList<QByteArray> randomChunks(const QByteArray &bytes, QRandomGenerator &rng)
    {
        QList<QByteArray> chunks;
        const int maxChunk = rng.bounded(3) == 0 ? 3 : (rng.bounded(2) ? 9 : 40);
        for (qsizetype pos = 0; pos < bytes.size();) {
            const qsizetype n = qMin<qsizetype>(bytes.size() - pos, rng.bounded(1, maxChunk + 1));
            chunks << bytes.mid(pos, n);
            pos += n;
        }
        return chunks;
    }

private slots:
    void decode_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");

        QTest::newRow("utf8-empty") << Encoding::Utf8 << QByteArray() << QString();
        QTest::newRow("utf8-ascii") << Encoding::Utf8 << QByteArray("hello\r\n") << u"hello\r\n"_s;
        QTest::newRow("utf8-chinese")
            << Encoding::Utf8 << QByteArray::fromHex("e4bda0e5a5bd") << u"你好"_s;
        QTest::newRow("utf8-emoji") << Encoding::Utf8 << QByteArray::fromHex("f09f9880")
                                    << QString::fromUtf8("\xF0\x9F\x98\x80");
        QTest::newRow("utf8-invalid-ff")
            << Encoding::Utf8 << QByteArray::fromHex("41ff42") << u"A\\xFFB"_s;
        QTest::newRow("utf8-lone-continuation")
            << Encoding::Utf8 << QByteArray::fromHex("80") << u"\\x80"_s;
        QTest::newRow("utf8-overlong-slash")
            << Encoding::Utf8 << QByteArray::fromHex("c0af") << u"\\xC0\\xAF"_s;
        QTest::newRow("utf8-overlong-e0")
            << Encoding::Utf8 << QByteArray::fromHex("e08080") << u"\\xE0\\x80\\x80"_s;
        QTest::newRow("utf8-surrogate")
            << Encoding::Utf8 << QByteArray::fromHex("eda080") << u"\\xED\\xA0\\x80"_s;
        QTest::newRow("utf8-above-10ffff")
            << Encoding::Utf8 << QByteArray::fromHex("f4908080") << u"\\xF4\\x90\\x80\\x80"_s;
        QTest::newRow("utf8-truncated-then-ascii")
            << Encoding::Utf8 << QByteArray::fromHex("e4bd41") << u"\\xE4\\xBDA"_s;
        QTest::newRow("utf8-truncated-at-end")
            << Encoding::Utf8 << QByteArray::fromHex("41e4bd") << u"A\\xE4\\xBD"_s;

        QTest::newRow("gbk-nihao") << Encoding::Gbk << QByteArray::fromHex("c4e3bac3") << u"你好"_s;
        QTest::newRow("gbk-mixed")
            << Encoding::Gbk << QByteArray::fromHex("4f4b2cc4e3bac321") << u"OK,你好!"_s;
        QTest::newRow("gbk-ideographic-space")
            << Encoding::Gbk << QByteArray::fromHex("a1a1") << u"\u3000"_s;
        QTest::newRow("gbk-euro-cp936")
            << Encoding::Gbk << QByteArray::fromHex("80") << u"\u20AC"_s;
        QTest::newRow("gb18030-4byte-bmp")
            << Encoding::Gbk << QByteArray::fromHex("8139ef30") << u"\u3401"_s;
        QTest::newRow("gb18030-4byte-supplementary")
            << Encoding::Gbk << QByteArray::fromHex("9530e332")
            << QString::fromUcs4(U"\U0001F9EE", 1);
        QTest::newRow("gbk-ff-ff-is-invalid")
            << Encoding::Gbk << QByteArray::fromHex("ffff") << u"\\xFF\\xFF"_s;
        QTest::newRow("gbk-bad-trail-resyncs")
            << Encoding::Gbk << QByteArray::fromHex("8120") << u"\\x81 "_s;
        QTest::newRow("gbk-truncated-at-end")
            << Encoding::Gbk << QByteArray::fromHex("41c4") << u"A\\xC4"_s;
        QTest::newRow("gb18030-unassigned-4byte")
            << Encoding::Gbk << QByteArray::fromHex("85308130") << u"\\x85\\x30\\x81\\x30"_s;
        QTest::newRow("gb18030-4byte-broken-resyncs")
            << Encoding::Gbk << QByteArray::fromHex("81304141") << u"\\x810AA"_s;

        QTest::newRow("latin1-all-high") << Encoding::Latin1 << QByteArray::fromHex("e9ff00")
                                         << QString(QStringLiteral("\u00e9\u00ff") + QChar(0));
    }

    void decode()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(decodeText(bytes, encoding), expected);
    }

    // Every cut point, and one byte at a time, must give the same text.
    void splitAnywhere_data() { decode_data(); }
    void splitAnywhere()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        for (int cut = 0; cut <= bytes.size(); ++cut)
            QCOMPARE(decodeInChunks(bytes, encoding, {cut}), expected);
        QList<int> everyByte;
        for (int i = 1; i < bytes.size(); ++i)
            everyByte.append(i);
        QCOMPARE(decodeInChunks(bytes, encoding, everyByte), expected);
    }

    void heldBackCharacterComesOutOnce()
    {
        StreamDecoder d(Encoding::Gbk);
        QCOMPARE(d.decode(QByteArray::fromHex("c4")), QString());
        QCOMPARE(d.pendingBytes(), 1);
        QCOMPARE(d.decode(QByteArray::fromHex("e3ba")), u"你"_s);
        QCOMPARE(d.decode(QByteArray::fromHex("c3")), u"好"_s);
        QCOMPARE(d.finish(), QString());

        StreamDecoder u(Encoding::Utf8);
        QCOMPARE(u.decode(QByteArray::fromHex("f0")), QString());
        QCOMPARE(u.decode(QByteArray::fromHex("9f")), QString());
        QCOMPARE(u.decode(QByteArray::fromHex("98")), QString());
        QCOMPARE(u.decode(QByteArray::fromHex("8041")),
                 QString::fromUtf8("\xF0\x9F\x98\x80") + u"A"_s);
        QCOMPARE(u.pendingBytes(), 0);
    }

    void finishFlushesIncompleteAsInvalid()
    {
        StreamDecoder d(Encoding::Utf8);
        QCOMPARE(d.decode(QByteArray::fromHex("e4bd")), QString());
        QCOMPARE(d.finish(), u"\\xE4\\xBD"_s);
        QCOMPARE(d.invalidByteCount(), 2);
        // Ready for a new stream.
        QCOMPARE(d.decode(QByteArray::fromHex("e4bda0")), u"你"_s);
    }

    void replacementStyle()
    {
        QCOMPARE(decodeText(QByteArray::fromHex("41ff"), Encoding::Utf8, InvalidBytes::Replacement),
                 u"A\uFFFD"_s);
        QCOMPARE(decodeText(QByteArray::fromHex("ffff"), Encoding::Gbk, InvalidBytes::Replacement),
                 u"\uFFFD\uFFFD"_s);
    }

    // The classic exercise: a GBK client greeting sent one byte at a time.
    void gbkGreetingByteByByte()
    {
        const QString greeting = u"你好服务端,我是客户端小黑!"_s;
        const EncodeResult enc = encodeText(greeting, Encoding::Gbk);
        QVERIFY(enc.ok());
        QCOMPARE(enc.bytes.size(), 26); // 12 Chinese characters x 2 + ',' + '!'
        StreamDecoder d(Encoding::Gbk);
        QString out;
        for (char c : enc.bytes)
            d.decode(QByteArrayView(&c, 1), out);
        QCOMPARE(out, greeting);
    }

    // Random text, random splits: decoding equals the original, for every encoding.
    void randomRoundTrip_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("utf8") << Encoding::Utf8;
        QTest::newRow("gbk") << Encoding::Gbk;
        QTest::newRow("latin1") << Encoding::Latin1;
    }
    void randomRoundTrip()
    {
        QFETCH(Encoding, encoding);
        QRandomGenerator rng(1234);
        const QString alphabet = encoding == Encoding::Latin1
                                     ? u"abcXYZ 019\r\n\u00e9\u00fc\u00ff\u00a0"_s
                                     : u"abc 19\r\n你好世界网络调试助手粘包€ü"_s;
        for (int round = 0; round < 200; ++round) {
            QString text;
            const int len = int(rng.bounded(1, 60));
            for (int i = 0; i < len; ++i)
                text += alphabet[int(rng.bounded(alphabet.size()))];
            if (encoding == Encoding::Utf8 && round % 3 == 0)
                text += QString::fromUcs4(U"\U0001F600", 1);
            const EncodeResult enc = encodeText(text, encoding);
            QVERIFY2(enc.ok(), qPrintable(enc.errorString(encoding)));
            QList<int> cuts;
            int pos = 0;
            while (true) {
                pos += int(rng.bounded(1, 5));
                if (pos >= enc.bytes.size())
                    break;
                cuts.append(pos);
            }
            QCOMPARE(decodeInChunks(enc.bytes, encoding, cuts), text);
        }
    }

    // Every 2-byte GBK code decodes to something, the same whole as split.
    void everyTwoByteGbkCode()
    {
        QByteArray all;
        for (int lead = 0x81; lead <= 0xFE; ++lead)
            for (int trail = 0x40; trail <= 0xFE; ++trail)
                if (trail != 0x7F) {
                    all.append(char(lead));
                    all.append(char(trail));
                }
        StreamDecoder whole(Encoding::Gbk);
        const QString a = whole.decode(all) + whole.finish();
        QCOMPARE(whole.invalidByteCount(), 0);
        QVERIFY(!a.contains(QChar(0xFFFD)));
        QCOMPARE(decodeInChunks(all, Encoding::Gbk, {1, 3, 1001, 1002, 4097}), a);
    }

    // Rows rendered independently (as the log view does) with their carry-in
    // show every character whole and exactly once, however the stream was cut.
    void recordsRenderedIndependently_data() { randomRoundTrip_data(); }
    void recordsRenderedIndependently()
    {
        QFETCH(Encoding, encoding);
        QRandomGenerator rng(99);
        const QString alphabet =
            encoding == Encoding::Latin1 ? u"ab\u00e9\u00ff\r\n"_s : u"ab 1,你好网络€\r\n"_s;
        for (int round = 0; round < 300; ++round) {
            QString text;
            for (int i = 0, len = int(rng.bounded(1, 40)); i < len; ++i)
                text += alphabet[int(rng.bounded(alphabet.size()))];
            if (encoding != Encoding::Latin1 && round % 4 == 0)
                text += encoding == Encoding::Utf8 ? QString::fromUcs4(U"\U0001F600", 1)
                                                   : QString::fromUcs4(U"\U0001F9EE", 1);
            QByteArray bytes;
            if (encoding == Encoding::Gbk && text.contains(QString::fromUcs4(U"\U0001F9EE", 1))) {
                // 4-byte GB18030 form; the strict GBK encoder refuses it.
                bytes =
                    encodeText(text.chopped(2), encoding).bytes + QByteArray::fromHex("9530e332");
            } else {
                const EncodeResult enc = encodeText(text, encoding);
                QVERIFY2(enc.ok(), qPrintable(enc.errorString(encoding)));
                bytes = enc.bytes;
            }
            CharCarry carry(encoding);
            QString joined;
            qsizetype pos = 0;
            while (pos < bytes.size()) {
                const qsizetype len = qMin<qsizetype>(bytes.size() - pos, rng.bounded(1, 7));
                const QByteArrayView chunk = QByteArrayView(bytes).sliced(pos, len);
                const CarryIn in = carry.feed(chunk);
                joined += decodeRecord(in, chunk, encoding);
                pos += len;
            }
            QCOMPARE(joined, text);
            QCOMPARE(carry.pending().size, quint8(0));
        }
    }

    // Rows as the log, the exports and the recording render them: each record on its own
    // with its carry-in reads what one stream decoder gives for that chunk, invalid bytes
    // included. (The first row is the report: 界 went missing after the invalid C2.)
    void recordsMatchStream_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("rows");
        const auto h = [](const char *hex) { return QByteArray::fromHex(hex); };
        using L = QList<QByteArray>;

        QTest::newRow("gbk-invalid-carried-lead")
            << Encoding::Gbk
            << L{QByteArray("hello\xC2"
                            "5"
                            "\xC4"),
                 h("e3bac3cac0bd"), h("e7")}
            << QStringList{u"hello"_s, u"\\xC25你好世"_s, u"界"_s};
        QTest::newRow("gbk-invalid-4byte-start-then-pair")
            << Encoding::Gbk << L{h("418130c4"), h("e3bac3cac0bd"), h("e721")}
            << QStringList{u"A"_s, u"\\x810你好世"_s, u"界!"_s};
        QTest::newRow("gbk-invalid-carry-shifts-a-high-run")
            << Encoding::Gbk << L{h("41813081"), h("8283848586"), h("41")}
            << QStringList{u"A"_s, u"\\x810亗儎厗"_s, u"A"_s};
        QTest::newRow("gbk-invalid-carry-tiny-chunks")
            << Encoding::Gbk << L{h("c2"), h("35"), h("c4"), h("e3"), h("ba"), h("c3"), h("21")}
            << QStringList{QString(), QString(), QString(), u"\\xC25你"_s,
                           QString(), u"好"_s,   u"!"_s};
        QTest::newRow("gbk-unassigned-4byte-carried")
            << Encoding::Gbk << L{h("8431a5"), h("3041424344c4"), h("e3")}
            << QStringList{QString(), u"\\x84\\x31\\xA5\\x30ABCD"_s, u"你"_s};
        QTest::newRow("gbk-4byte-across-records")
            << Encoding::Gbk << L{h("419530"), h("e33242")}
            << QStringList{u"A"_s, QString::fromUcs4(U"\U0001F9EE", 1) + u"B"_s};
        QTest::newRow("gbk-small-xiaohei-byte-by-byte")
            << Encoding::Gbk << L{h("d0"), h("a1"), h("ba"), h("da"), h("21")}
            << QStringList{QString(), u"小"_s, QString(), u"黑"_s, u"!"_s};
        QTest::newRow("utf8-invalid-carried-prefix")
            << Encoding::Utf8 << L{h("41e4bd"), h("41e4bda0e5"), h("a5bd")}
            << QStringList{u"A"_s, u"\\xE4\\xBDA你"_s, u"好"_s};
        QTest::newRow("utf8-4byte-split-and-broken")
            << Encoding::Utf8 << L{h("f0"), h("9f98"), h("80f09f"), h("41424344")}
            << QStringList{QString(), QString(), QString::fromUcs4(U"\U0001F600", 1),
                           u"\\xF0\\x9FABCD"_s};
        QTest::newRow("latin1-no-carry") << Encoding::Latin1 << L{h("e9"), h("c4e3")}
                                         << QStringList{u"\u00e9"_s, u"\u00c4\u00e3"_s};
    }
    void recordsMatchStream()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, rows);
        QStringList got;
        SOCKSCOPE_REQUIRE(checkRecordsMatchStream(chunks, encoding, InvalidBytes::HexEscape, &got));
        QCOMPARE(got, rows);
        for (InvalidBytes style : {InvalidBytes::Replacement, InvalidBytes::Visible})
            SOCKSCOPE_REQUIRE(checkRecordsMatchStream(chunks, encoding, style));
        // One byte at a time, and everything at once.
        QList<QByteArray> bytewise;
        for (char c : chunks.join())
            bytewise << QByteArray(1, c);
        SOCKSCOPE_REQUIRE(checkRecordsMatchStream(bytewise, encoding, InvalidBytes::HexEscape));
        SOCKSCOPE_REQUIRE(
            checkRecordsMatchStream({chunks.join()}, encoding, InvalidBytes::Visible));
    }

    // The same for arbitrary bytes cut anywhere, a new seed every run (printed on failure;
    // SOCKSCOPE_TEST_SEED replays it).
    void recordsMatchStreamRandom_data() { randomRoundTrip_data(); }
    void recordsMatchStreamRandom()
    {
        QFETCH(Encoding, encoding);
        const test::SeedReport seed(test::propertySeed());
        QRandomGenerator rng(seed.seed());
        const InvalidBytes styles[] = {InvalidBytes::HexEscape, InvalidBytes::Replacement,
                                       InvalidBytes::Visible};
        for (int round = 0; round < 3000; ++round) {
            const QByteArray bytes = interestingBytes(rng, 24);
            SOCKSCOPE_REQUIRE(checkRecordsMatchStream(randomChunks(bytes, rng), encoding,
                                                      styles[rng.bounded(3)]));
        }
    }

    // Visible: one line, exact bytes recoverable, nothing that acts on a terminal.
    void visible_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("controls") << Encoding::Utf8 << QByteArray("a\\b\r\n\t\0\x07", 8)
                                  << u"a\\\\b\\r\\n\\t\\0\\x07"_s;
        QTest::newRow("ansi-escape")
            << Encoding::Utf8 << QByteArray("\x1b[31mred") << u"\\x1B[31mred"_s;
        QTest::newRow("invalid-vs-backslash")
            << Encoding::Utf8 << QByteArray("\\xFF\xff") << u"\\\\xFF\\xFF"_s;
        QTest::newRow("c1-csi-latin1") << Encoding::Latin1
                                       << QByteArray("\x9b"
                                                     "2J\x85")
                                       << u"\\u009B2J\\u0085"_s;
        QTest::newRow("bidi-override") << Encoding::Utf8
                                       << QByteArray("\xe2\x80\xae"
                                                     "abc")
                                       << u"\\u202Eabc"_s;
        QTest::newRow("gbk-chinese-and-invalid")
            << Encoding::Gbk << QByteArray::fromHex("c4e3ff0d0a") << u"你\\xFF\\r\\n"_s;
    }
    void visible()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(decodeText(bytes, encoding, InvalidBytes::Visible), expected);
        // Split anywhere: the same.
        for (int cut = 0; cut <= bytes.size(); ++cut) {
            StreamDecoder d(encoding, InvalidBytes::Visible);
            QString out = d.decode(bytes.left(cut));
            out += d.decode(bytes.mid(cut));
            out += d.finish();
            QCOMPARE(out, expected);
        }
    }

    // Random bytes shown visibly read back to the same bytes through the escape syntax.
    void visibleRoundTrip_data() { randomRoundTrip_data(); }
    void visibleRoundTrip()
    {
        QFETCH(Encoding, encoding);
        QRandomGenerator rng(4242);
        for (int round = 0; round < 300; ++round) {
            QByteArray bytes;
            for (int i = 0, n = int(rng.bounded(0, 64)); i < n; ++i) {
                const uint v = rng.bounded(256);
                // GBK: keep to ASCII, 2-byte codes and stray bytes (4-byte GB18030
                // characters are not encodable back to GBK by design).
                if (encoding == Encoding::Gbk && v >= 0x81 && v <= 0xFE && i + 1 < n) {
                    bytes.append(char(v));
                    bytes.append(char(0x40 + rng.bounded(0x3F)));
                    ++i;
                } else {
                    bytes.append(char(v));
                }
            }
            const QString shown = decodeText(bytes, encoding, InvalidBytes::Visible);
            QVERIFY(!shown.contains(u'\n') && !shown.contains(QChar(0x1b)));
            const EscapeParseResult parsed = parseEscapes(shown);
            QVERIFY2(parsed.ok(), qPrintable(parsed.errorString));
            QByteArray back;
            for (const EscapeSegment &seg : parsed.segments) {
                if (seg.kind == EscapeSegment::Kind::Bytes) {
                    back += seg.bytes;
                } else {
                    const EncodeResult enc = encodeText(seg.text, encoding);
                    QVERIFY2(enc.ok(), qPrintable(enc.errorString(encoding)));
                    back += enc.bytes;
                }
            }
            QCOMPARE(back.toHex(' '), bytes.toHex(' '));
        }
    }

    void encode_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<qsizetype>>("badPositions");

        const QString emoji = QString::fromUcs4(U"\U0001F600", 1);
        QTest::newRow("utf8") << Encoding::Utf8 << u"你好"_s << QByteArray::fromHex("e4bda0e5a5bd")
                              << QList<qsizetype>{};
        QTest::newRow("utf8-lone-surrogate")
            << Encoding::Utf8 << (u"a"_s + QChar(0xD800)) << QByteArray() << QList<qsizetype>{1};
        QTest::newRow("gbk") << Encoding::Gbk << u"你好"_s << QByteArray::fromHex("c4e3bac3")
                             << QList<qsizetype>{};
        QTest::newRow("gbk-euro") << Encoding::Gbk << u"€"_s << QByteArray::fromHex("80")
                                  << QList<qsizetype>{};
        QTest::newRow("gbk-emoji-refused") << Encoding::Gbk << (u"你"_s + emoji + u"好"_s + emoji)
                                           << QByteArray() << QList<qsizetype>{1, 4};
        QTest::newRow("latin1") << Encoding::Latin1 << u"caf\u00e9"_s
                                << QByteArray::fromHex("636166e9") << QList<qsizetype>{};
        QTest::newRow("latin1-refuses-chinese")
            << Encoding::Latin1 << u"ab你"_s << QByteArray() << QList<qsizetype>{2};
    }

    void encode()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(QList<qsizetype>, badPositions);
        const EncodeResult r = encodeText(text, encoding);
        QCOMPARE(r.bytes, bytes);
        QList<qsizetype> positions;
        for (const auto &u : r.unencodable)
            positions.append(u.position);
        QCOMPARE(positions, badPositions);
        QCOMPARE(r.ok(), badPositions.isEmpty());
        QCOMPARE(r.errorString(encoding).isEmpty(), badPositions.isEmpty());
    }

    void errorStringNamesTheCharacter()
    {
        const EncodeResult r = encodeText(u"ok😀"_s, Encoding::Gbk);
        const QString msg = r.errorString(Encoding::Gbk);
        QVERIFY2(msg.contains(u"U+1F600"_s), qPrintable(msg));
        QVERIFY2(msg.contains(u"GBK"_s), qPrintable(msg));
        QVERIFY2(msg.contains(u"position 3"_s), qPrintable(msg));
    }

    void encodingNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("utf-8") << u"utf-8"_s << true << Encoding::Utf8;
        QTest::newRow("UTF8") << u"UTF8"_s << true << Encoding::Utf8;
        QTest::newRow("gbk") << u"gbk"_s << true << Encoding::Gbk;
        QTest::newRow("gb18030") << u"GB18030"_s << true << Encoding::Gbk;
        QTest::newRow("latin1") << u"latin1"_s << true << Encoding::Latin1;
        QTest::newRow("iso-8859-1") << u"ISO-8859-1"_s << true << Encoding::Latin1;
        QTest::newRow("bogus") << u"ebcdic"_s << false << Encoding::Utf8;
    }
    void encodingNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(Encoding, encoding);
        Encoding e = Encoding::Utf8;
        QCOMPARE(encodingFromName(name, &e), valid);
        if (valid) {
            QCOMPARE(e, encoding);
            Encoding back;
            QVERIFY(encodingFromName(encodingName(e), &back));
            QCOMPARE(back, e);
        }
    }
};

QTEST_GUILESS_MAIN(tst_TextCodec)
#include "tst_textcodec.moc"
