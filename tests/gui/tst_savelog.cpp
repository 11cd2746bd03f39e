// "Save log" of a session tab (issue #11 item 9): rows held while the display is paused are
// saved too, and a big save runs in slices with a progress dialog that can cancel it, so the
// window keeps running while it writes; a cancelled save leaves the old file as it was.
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/sessiontab.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

LogRecord record(LogRecord::Kind kind, quint32 peer, const QByteArray &bytes)
{
    LogRecord r;
    r.kind = kind;
    r.peerId = peer;
    r.bytes = bytes;
    r.timeUs = 1700000000123456ll;
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Payloads of 1 MiB each, different bytes in each, far more than one slice of a save.
LogRecords bigRecords(int count)
{
    LogRecords out;
    for (int i = 0; i < count; ++i) {
        QByteArray bytes(1 << 20, Qt::Uninitialized);
        for (qsizetype j = 0; j < bytes.size(); ++j)
            bytes[j] = char((j * 7 + i * 13) & 0xff);
        out << record(LogRecord::Kind::Rx, 1, bytes);
    }
    return out;
}

QProgressDialog *progressOf(const SessionTab &tab)
{
    return tab.findChild<QProgressDialog *>(u"saveLogProgress"_s);
}

} // namespace

class tst_SaveLog : public QObject
{
    Q_OBJECT

private slots:
    void includesHeldRows_data()
    {
        QTest::addColumn<LogExport::Format>("format");
        QTest::addColumn<QByteArrayList>("expected"); // in this order, each in the file
        QTest::addColumn<QString>("heldNote");        // what the message says about them
        QTest::newRow("text") << LogExport::Format::Text
                              << QByteArrayList{"RX", "shown", "RX", "held", "TX", "held2"}
                              << u"2 held while paused"_s;
        QTest::newRow("csv") << LogExport::Format::Csv
                             << QByteArrayList{"time,direction", ",shown", ",held", ",held2"}
                             << u"2 held while paused"_s;
        QTest::newRow("raw") << LogExport::Format::RawRx << QByteArrayList{"shownheld"}
                             << u"1 held while paused"_s; // received bytes only
    }

    void includesHeldRows()
    {
        QFETCH(LogExport::Format, format);
        QFETCH(QByteArrayList, expected);
        QFETCH(QString, heldNote);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"saved"_s);
        SessionTab tab(Session::Mode::TcpServer);
        LogModel *model = tab.logPane()->model();
        tab.logPane()->appendRecords({record(LogRecord::Kind::Rx, 1, "shown")});
        model->pause();
        tab.logPane()->appendRecords(
            {record(LogRecord::Kind::Rx, 1, "held"), record(LogRecord::Kind::Tx, 2, "held2")});
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->heldCount(), 2);

        QSignalSpy said(&tab, &SessionTab::statusMessage);
        tab.saveLogTo(path, format);
        QTRY_VERIFY(QFileInfo::exists(path)); // saves commit complete files only
        const QByteArray saved = fileBytes(path);
        qsizetype from = 0;
        for (const QByteArray &part : expected) {
            const qsizetype at = saved.indexOf(part, from);
            QVERIFY2(at >= 0, (part + " missing from:\n" + saved).constData());
            from = at + part.size();
        }
        // The message says what went into the file, the held rows included.
        QTRY_COMPARE(said.count(), 1);
        const QString text = said.at(0).at(0).toString();
        QVERIFY2(text.contains(heldNote), qPrintable(text));
        // Saving does not resume the display.
        QVERIFY(model->isPaused());
        QCOMPARE(model->heldCount(), 2);
    }

    // Saved while the log shows one peer: that peer's rows, and the message says so.
    void filteredSaveSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"one.bin"_s);
        SessionTab tab(Session::Mode::TcpServer);
        tab.logPane()->setPeerName(1, u"127.0.0.1:1111"_s);
        tab.logPane()->setPeerName(2, u"127.0.0.1:2222"_s);
        tab.logPane()->appendRecords(
            {record(LogRecord::Kind::Rx, 1, "one"), record(LogRecord::Kind::Rx, 2, "two")});
        tab.logPane()->setPeerFilter({2});
        QSignalSpy said(&tab, &SessionTab::statusMessage);
        tab.saveLogTo(path, LogExport::Format::RawRx);
        QTRY_COMPARE(said.count(), 1);
        QCOMPARE(fileBytes(path), QByteArray("two"));
        const QString text = said.at(0).at(0).toString();
        QVERIFY2(text.contains(u"1 row"_s) && text.contains(u"Only the rows of 127.0.0.1:2222"_s),
                 qPrintable(text));
    }

    // A big save writes in slices: the event loop runs between them, the progress dialog
    // shows, and the file appears only when complete.
    void bigSaveRunsInSlices()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.bin"_s);
        SessionTab tab(Session::Mode::TcpServer);
        const LogRecords records = bigRecords(24);
        tab.logPane()->appendRecords(records);
        QCOMPARE(tab.logPane()->model()->rowCount(), 24);
        QByteArray expected;
        for (const LogRecord &r : records)
            expected += r.bytes;

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(0);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start();
        QSignalSpy said(&tab, &SessionTab::statusMessage);
        tab.saveLogTo(path, LogExport::Format::RawRx);
        QVERIFY2(!QFileInfo::exists(path), "the save finished before the window could run");
        QVERIFY(progressOf(tab));
        QTRY_COMPARE_WITH_TIMEOUT(said.count(), 1, 20000);
        QVERIFY2(ticks >= 2, "the event loop did not run while saving");
        QVERIFY(!progressOf(tab) || !progressOf(tab)->isVisible());
        QCOMPARE(QFileInfo(path).size(), expected.size());
        QVERIFY(fileBytes(path) == expected);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"big.bin"_s});
    }

    // Cancel discards what was written: an existing file keeps its old contents and no
    // temporary file is left behind.
    void cancelKeepsOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.bin"_s);
        const QByteArray old("keep me");
        QVERIFY(writeFile(path, old));
        SessionTab tab(Session::Mode::TcpServer);
        tab.logPane()->appendRecords(bigRecords(24));

        QSignalSpy said(&tab, &SessionTab::statusMessage);
        tab.saveLogTo(path, LogExport::Format::RawRx);
        QProgressDialog *progress = progressOf(tab);
        QVERIFY(progress);
        QTRY_VERIFY(progress->value() > progress->minimum()); // really under way
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(said.count(), 1);
        QVERIFY2(said.at(0).at(0).toString().contains(u"cancel"_s, Qt::CaseInsensitive),
                 qPrintable(said.at(0).at(0).toString()));
        QTest::qWait(100); // nothing commits later either
        QCOMPARE(fileBytes(path), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"big.bin"_s});
    }
};

QTEST_MAIN(tst_SaveLog)
#include "tst_savelog.moc"
