#include "core/link/receivebuffer.h"

#include <QTest>

#include <cstring>

using namespace sockscope;

// Reads land in one warm block; big reads leave in it, small ones are copied out (issue #16).
class tst_ReceiveBuffer : public QObject
{
    Q_OBJECT

private:
    static void fill(char *at, qsizetype bytes, char first)
    {
        for (qsizetype i = 0; i < bytes; ++i)
            at[i] = char(first + i % 61);
    }

private slots:
    void blocks_data()
    {
        QTest::addColumn<qsizetype>("bytes");
        QTest::addColumn<bool>("handedOver");
        QTest::newRow("one byte") << qsizetype(1) << false;
        QTest::newRow("a line") << qsizetype(64) << false;
        QTest::newRow("just under three quarters")
            << ReceiveBuffer::HandOverBytes - 1 << false;
        QTest::newRow("three quarters") << ReceiveBuffer::HandOverBytes << true;
        QTest::newRow("full") << ReceiveBuffer::BlockBytes << true;
    }

    void blocks()
    {
        QFETCH(qsizetype, bytes);
        QFETCH(bool, handedOver);
        ReceiveBuffer buffer;
        char *space = buffer.space();
        fill(space, bytes, 'A');
        const QByteArray block = buffer.take(bytes);
        QCOMPARE(block.size(), bytes);
        QByteArray expected(bytes, Qt::Uninitialized);
        fill(expected.data(), bytes, 'A');
        QCOMPARE(block, expected);
        QCOMPARE(block.constData() == space, handedOver);
        if (handedOver) {
            // The block keeps its whole allocation (the log charges for it), and the next
            // read gets a block of its own.
            QCOMPARE(block.capacity(), ReceiveBuffer::BlockBytes);
            QVERIFY(buffer.space() != block.constData());
        } else {
            // A copy holds no unused capacity, and the warm block is read into again.
            QCOMPARE(block.capacity(), bytes);
            QCOMPARE(buffer.space(), space);
        }
    }

    // What was handed over never changes under a later read.
    void takenBlocksStayIntact()
    {
        ReceiveBuffer buffer;
        QList<QByteArray> blocks;
        const qsizetype sizes[] = {10, ReceiveBuffer::BlockBytes, 300, ReceiveBuffer::HandOverBytes};
        char first = 'a';
        for (qsizetype size : sizes) {
            fill(buffer.space(), size, first++);
            blocks.append(buffer.take(size));
        }
        first = 'a';
        for (int i = 0; i < blocks.size(); ++i) {
            QByteArray expected(sizes[i], Qt::Uninitialized);
            fill(expected.data(), sizes[i], first++);
            QCOMPARE(blocks.at(i), expected);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ReceiveBuffer)
#include "tst_receivebuffer.moc"
