#include "core/link/datagramreader.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace sockscope;

// recvmmsg() batches for UDP sessions (issue #16): order, senders, sizes, bounds, re-entry.
class tst_DatagramReader : public QObject
{
    Q_OBJECT

private:
    struct Bound
    {
        QUdpSocket socket;
        DatagramReader *reader = nullptr;
        Bound()
        {
            if (!socket.bind(QHostAddress::LocalHost, 0))
                return;
            socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
            reader = DatagramReader::create(socket.socketDescriptor(), &socket);
        }
    };
    static QByteArray payload(int i, int size)
    {
        QByteArray p = QByteArray::number(i).rightJustified(8, '0');
        p.resize(size, char('a' + i % 26));
        return p;
    }
    // Every datagram written and in the receiver's queue (loopback delivers at once).
    static void send(QUdpSocket &from, quint16 port, int first, int count, int size)
    {
        for (int i = first; i < first + count; ++i)
            QCOMPARE(from.writeDatagram(payload(i, size), QHostAddress::LocalHost, port),
                     qint64(size));
    }

private slots:
    void orderSendersAndSizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("100 B") << 100;
        QTest::newRow("largest over IPv4") << 65507;
    }

    void orderSendersAndSizes()
    {
        QFETCH(int, size);
        Bound b;
        QVERIFY(b.reader);
        QUdpSocket one, two;
        QVERIFY(one.bind(QHostAddress::LocalHost, 0));
        QVERIFY(two.bind(QHostAddress::LocalHost, 0));
        const int count = size > 60000 ? 4 : 3 * DatagramReader::Slots + 5;
        for (int i = 0; i < count; ++i)
            QCOMPARE((i % 2 ? two : one)
                         .writeDatagram(payload(i, size).left(size), QHostAddress::LocalHost,
                                        b.socket.localPort()),
                     qint64(size));
        QList<DatagramReader::Datagram> got;
        QTRY_VERIFY([&] {
            b.reader->read(
                1000, [&](DatagramReader::Datagram &&d) { got.append(std::move(d)); return true; },
                [](int error) { QFAIL(qPrintable(qt_error_string(error))); });
            return got.size() == count;
        }());
        QCOMPARE(got.size(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(got.at(i).data, payload(i, size).left(size));
            QCOMPARE(got.at(i).sender, QHostAddress(QHostAddress::LocalHost));
            QCOMPARE(got.at(i).port, (i % 2 ? two : one).localPort());
        }
    }

    void readsAtMostMax()
    {
        Bound b;
        QVERIFY(b.reader);
        QUdpSocket from;
        send(from, b.socket.localPort(), 0, 50, 10);
        QSignalSpy ready(b.reader, &DatagramReader::readyRead);
        QVERIFY(ready.wait(2000));
        int got = 0;
        const auto sink = [&](DatagramReader::Datagram &&) { ++got; return true; };
        b.reader->read(7, sink, [](int) {});
        QCOMPARE(got, 7);
        // What is left (of this batch and in the kernel) comes next, and the notifier says so.
        QVERIFY(ready.wait(2000));
        b.reader->read(100, sink, [](int) {});
        QCOMPARE(got, 50);
    }

    // A session that stops drains what is queued from inside its sink: the inner read goes
    // on with the outer one's batch, in order, and the outer read ends when its sink says.
    void sinkReadsAgain()
    {
        Bound b;
        QVERIFY(b.reader);
        QUdpSocket from;
        send(from, b.socket.localPort(), 0, 40, 10);
        QVERIFY(QSignalSpy(b.reader, &DatagramReader::readyRead).wait(2000));
        QList<QByteArray> got;
        bool draining = false;
        bool stopped = false;
        std::function<bool(DatagramReader::Datagram &&)> sink = [&](DatagramReader::Datagram &&d) {
            got.append(d.data);
            if (got.size() == 3 && !draining) {
                draining = true;
                b.reader->read(1000, sink, [](int) {});
                stopped = true;
            }
            return !stopped;
        };
        b.reader->read(1000, sink, [](int) {});
        QCOMPARE(got.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(got.at(i), payload(i, 10));
    }
};

QTEST_GUILESS_MAIN(tst_DatagramReader)
#include "tst_datagramreader.moc"
