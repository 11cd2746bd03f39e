// "Nothing lost" (issue #7): 1 GiB of pseudo-random bytes into the server tab of the real window,
// with the display paused and live, counted exactly and recorded byte-exact through the
// "Record every message to a file…" action. Also: recording into or saving over an existing
// file never replaces it without asking.
//
// The file dialogs and questions are the real ones (Qt's own widgets, not native dialogs),
// answered from a timer while they run, as a user would.

#include "ui/appsettings.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/sessiontab.h"

#include "guiactions.h"
#include "eventloop.h"
#include "modalanswers.h"
#include "loopback.h"
#include "pythonpeer.h"
#include "require.h"


#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kTotal = qint64(1) << 30; // 1 GiB
constexpr int kTransferTimeoutMs = 100000;

// Qt's own question of a save dialog whose chosen file exists.
bool isReplaceQuestion(QWidget *w)
{
    auto *box = qobject_cast<QMessageBox *>(w);
    return box && box->text().contains(u"already exists"_s);
}

ModalAnswers::Act rejectDialog()
{
    return [](QWidget *w) {
        if (auto *dialog = qobject_cast<QDialog *>(w))
            dialog->reject();
    };
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class tst_NothingLost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void oneGibibyteRecordedExactly_data();
    void oneGibibyteRecordedExactly();
    void recordIntoExistingFileAsks_data();
    void recordIntoExistingFileAsks();
    void saveLogAsksBeforeReplacing();

private:
    SessionTab *serverTab() const;
    QAction *recordAction(SessionTab *tab) { return child<QAction>(tab, "recordLog"); }
    // Sends `bytes` from a client to the tab's server and waits until they are recorded.
    void sendAndWait(SessionTab *tab, quint16 port, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void tst_NothingLost::initTestCase()
{
    // The test drives Qt's own file dialog; a platform's native one cannot be answered here.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void tst_NothingLost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"sockscope.ini"_s));
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_NothingLost::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

SessionTab *tst_NothingLost::serverTab() const
{
    auto *tab = qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(0));
    if (!tab || tab->mode() != Session::Mode::TcpServer)
        qFatal("the first tab is not a TCP server");
    return tab;
}

void tst_NothingLost::sendAndWait(SessionTab *tab, quint16 port, const QByteArray &bytes)
{
    const qint64 before = tab->session()->rxBytesTotal();
    QTcpSocket client;
    client.connectToHost(kLoopback, port);
    QVERIFY(client.waitForConnected(3000));
    client.write(bytes);
    QVERIFY(client.waitForBytesWritten(3000));
    QTRY_COMPARE(tab->session()->rxBytesTotal(), before + bytes.size());
    tab->session()->flushRecords(); // the recorder sees the batch now, not at the next tick
}

// --- 1 GiB, paused and live -----------------------------------------------------------------

void tst_NothingLost::oneGibibyteRecordedExactly_data()
{
    QTest::addColumn<bool>("paused");
    QTest::newRow("paused") << true;
    QTest::newRow("live, following, hex") << false;
}

void tst_NothingLost::oneGibibyteRecordedExactly()
{
    QFETCH(bool, paused);
    SessionTab *tab = serverTab();
    LogModel *model = tab->logPane()->model();
    const LogStore::Limits caps = model->limits();
    auto *pause = child<QToolButton>(tab, "pauseDisplay");
    auto *follow = child<QToolButton>(tab, "autoScroll");
    if (paused) {
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(model->isPaused());
    } else {
        auto *display = child<QComboBox>(tab, "displayMode");
        display->setCurrentIndex(display->findData(int(LogModel::DisplayMode::Hex)));
        QCOMPARE(tab->logPane()->displayMode(), LogModel::DisplayMode::Hex);
        QVERIFY(follow->isChecked());
        QVERIFY(!model->isPaused());
    }
    const quint16 port = startServerInTab(tab);
    QVERIFY(port != 0);

    // Record, raw received bytes, into a new file: no question is asked. The answers stay on
    // watch for the whole transfer: any other dialog is a failure.
    const QString path = m_dir->filePath(u"capture.bin"_s);
    ModalAnswers answers;
    answers.expect(u"record file dialog"_s, dialogNamed(u"recordFileDialog"_s),
                   chooseFile(path, u"bin"_s));
    recordAction(tab)->trigger();
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY(recordAction(tab)->isChecked());
    QVERIFY(QFileInfo::exists(path));

    QElapsedTimer clock;
    clock.start();
    PythonPeer sender;
    sender.start("seeded_sender.py", {QString::number(port), QString::number(kTotal), u"7"_s});
    QVERIFY2(sender.process().waitForStarted(5000), qPrintable(sender.diagnostics()));
    QTRY_VERIFY2_WITH_TIMEOUT(sender.finished(), qPrintable(sender.diagnostics()),
                              kTransferTimeoutMs);
    QCOMPARE(sender.process().exitCode(), 0);
    QCOMPARE(sender.value(u"SENT"_s), QString::number(kTotal));
    const QByteArray sentDigest = sender.value(u"SHA256"_s).toLatin1();
    QCOMPARE(sentDigest.size(), 64);

    // The counters: the session's, the tab's and the peer list's, exactly.
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->rxBytesTotal(), kTotal, 30000);
    QCOMPARE(tab->stats().rxBytes, kTotal);
    auto *peers = child<QTreeView>(tab, "peerList")->model();
    QTRY_COMPARE(peers->index(0, PeerListModel::RxBytes).data().toString(),
                 QLocale().toString(kTotal));
    // The file: every byte, in order.
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(path).size(), kTotal, 30000);
    const qint64 transferMs = clock.elapsed();
    recordAction(tab)->trigger(); // stops recording
    QVERIFY(!recordAction(tab)->isChecked());
    PythonPeer digest;
    digest.start("seeded_sender.py", {u"--digest"_s, path});
    QTRY_VERIFY2_WITH_TIMEOUT(digest.finished(), qPrintable(digest.diagnostics()), 30000);
    QCOMPARE(digest.value(u"SHA256"_s).toLatin1(), sentDigest);
    qInfo("1 GiB received and recorded in %lld ms; hashed in %lld ms more", qint64(transferMs),
          qint64(clock.elapsed() - transferMs));

    // The log kept within its caps all along (held rows while paused too) ...
    QVERIFY(model->rowCount() <= caps.maxRows);
    QVERIFY(model->store().bytes() <= caps.maxBytes);
    if (paused) {
        QVERIFY(model->heldCount() > 0);
        QVERIFY(model->heldCount() <= caps.maxRows);
        QTest::mouseClick(pause, Qt::LeftButton); // resume
        QVERIFY(!model->isPaused());
        QCOMPARE(model->heldCount(), 0);
        QVERIFY(model->rowCount() <= caps.maxRows);
        QVERIFY(model->store().bytes() <= caps.maxBytes);
    } else {
        QVERIFY(follow->isChecked());
    }
    // ... and its newest received row is the end of the stream.
    int last = model->rowCount() - 1;
    while (last >= 0 && model->record(last).kind != LogRecord::Kind::Rx)
        --last;
    QVERIFY(last >= 0);
    const QByteArray tail = model->record(last).bytes;
    QVERIFY(!tail.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.seek(kTotal - tail.size()));
    QCOMPARE(file.read(tail.size()), tail);
    // No warning (a recording that stopped, say) came up on the way.
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
}

// --- existing files -------------------------------------------------------------------------

void tst_NothingLost::recordIntoExistingFileAsks_data()
{
    QTest::addColumn<QString>("button"); // empty: Cancel
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("recording");
    const QByteArray old("old contents\n");
    const QByteArray fresh("\x00\x01new\xFF", 6);
    QTest::newRow("cancel") << QString() << old << false;
    QTest::newRow("append") << u"appendButton"_s << old + fresh << true;
    QTest::newRow("replace") << u"replaceButton"_s << fresh << true;
}

void tst_NothingLost::recordIntoExistingFileAsks()
{
    QFETCH(QString, button);
    QFETCH(QByteArray, expected);
    QFETCH(bool, recording);
    const QByteArray old("old contents\n");
    const QByteArray fresh("\x00\x01new\xFF", 6);
    SessionTab *tab = serverTab();
    const quint16 port = startServerInTab(tab);
    QVERIFY(port != 0);
    const QString path = m_dir->filePath(u"existing.bin"_s);
    QVERIFY(writeFile(path, old));

    ModalAnswers answers;
    answers.expect(u"record file dialog"_s, dialogNamed(u"recordFileDialog"_s),
                   chooseFile(path, u"bin"_s));
    answers.expect(u"append/replace question"_s, dialogNamed(u"recordFileExists"_s),
                   button.isEmpty() ? clickStandardButton(QMessageBox::Cancel)
                                    : clickButtonNamed(button));
    recordAction(tab)->trigger();
    QVERIFY2(answers.done() && answers.problems().isEmpty(),
             qPrintable(answers.problems().join(u'\n')));
    QCOMPARE(recordAction(tab)->isChecked(), recording);
    // Nothing recorded yet: appending keeps the old bytes, replacing empties the file.
    QCOMPARE(fileBytes(path), recording ? expected.chopped(fresh.size()) : old);

    SOCKSCOPE_REQUIRE(sendAndWait(tab, port, fresh));
    QCOMPARE(fileBytes(path), expected);
}

void tst_NothingLost::saveLogAsksBeforeReplacing()
{
    SessionTab *tab = serverTab();
    const quint16 port = startServerInTab(tab);
    QVERIFY(port != 0);
    const QByteArray received("\x10\x20 received \xFE", 13);
    SOCKSCOPE_REQUIRE(sendAndWait(tab, port, received));
    QTRY_VERIFY(tab->logPane()->model()->rowCount() > 0);
    const QString path = m_dir->filePath(u"saved.bin"_s);
    const QByteArray old("keep me");
    QVERIFY(writeFile(path, old));
    auto *save = child<QAction>(tab, "saveLogAction");

    // "No": the file stays as it was, the dialog stays open; then cancel it.
    {
        ModalAnswers answers;
        answers.expect(u"save dialog"_s, dialogNamed(u"saveLogDialog"_s),
                       chooseFile(path, u"bin"_s));
        answers.expect(u"replace question"_s, isReplaceQuestion,
                       clickStandardButton(QMessageBox::No));
        answers.expect(u"save dialog, still open"_s, dialogNamed(u"saveLogDialog"_s),
                       rejectDialog());
        save->trigger();
        QVERIFY2(answers.done() && answers.problems().isEmpty(),
                 qPrintable(answers.problems().join(u'\n')));
        QCOMPARE(fileBytes(path), old);
    }
    // "Yes": replaced by the log, here its raw received bytes.
    {
        ModalAnswers answers;
        answers.expect(u"save dialog"_s, dialogNamed(u"saveLogDialog"_s),
                       chooseFile(path, u"bin"_s));
        answers.expect(u"replace question"_s, isReplaceQuestion,
                       clickStandardButton(QMessageBox::Yes));
        save->trigger();
        QVERIFY2(answers.done() && answers.problems().isEmpty(),
                 qPrintable(answers.problems().join(u'\n')));
        QCOMPARE(fileBytes(path), received);
    }
}

QTEST_MAIN(tst_NothingLost)
#include "tst_nothinglost.moc"
