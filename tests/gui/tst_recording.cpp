// "Record every message to a file…" in the real window (issue #11, items 2, 10, 21): real
// clients on 127.0.0.1, the real file dialog answered as a user would, the file read back.
// - a recording holds every client's messages and the connect/disconnect events, whatever
//   the peer list's selection (the view's filter) is;
// - the status bar says that it records and to which file, with a one-click stop;
// - a write error stops the recording, unticks it and says so once, after the fact.

#include "ui/appsettings.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/sessiontab.h"

#include "eventloop.h"
#include "loopback.h"
#include "modalanswers.h"
#include "require.h"
#include "serverwindow.h"

#include "core/transport/tcpserversession.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>
#include <vector>

#include <csignal>
#include <sys/resource.h>

namespace {
// Lowers this process's file-size limit (writes past it fail with EFBIG instead of
// raising SIGXFSZ) until restore() or destruction.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        if (getrlimit(RLIMIT_FSIZE, &m_old) != 0)
            return;
        rlimit lowered = m_old;
        lowered.rlim_cur = bytes;
        m_set = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit() { restore(); }
    bool isSet() const { return m_set; }
    void restore()
    {
        if (m_set)
            setrlimit(RLIMIT_FSIZE, &m_old);
        m_set = false;
        if (m_oldHandler != SIG_ERR) {
            std::signal(SIGXFSZ, m_oldHandler);
            m_oldHandler = SIG_ERR;
        }
    }

private:
    rlimit m_old{};
    bool m_set = false;
    void (*m_oldHandler)(int) = SIG_ERR;
};
} // namespace

using namespace sockscope;
using namespace sockscope::test;

class tst_Recording : public QObject, private ServerWindow
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void recordsEveryPeerAndEvent();
    void statusBarShowsRecordingWithStop();
    void writeErrorUnticksAndSaysSoOnce();

private:
    QAction *recordAction() const { return child<QAction>(server(), "recordLog"); }
    // Ticks "Record every message to a file…" and picks `path` (text format) in the dialog.
    void startRecording(const QString &path);
    static QByteArray fileBytes(const QString &path);
};

void tst_Recording::init()
{
    setUpWindow();
}

void tst_Recording::cleanup()
{
    tearDownWindow();
}

void tst_Recording::startRecording(const QString &path)
{
    ModalAnswers answers;
    answers.expect(QStringLiteral("record file dialog"),
                   dialogNamed(QStringLiteral("recordFileDialog")),
                   chooseFile(path, QStringLiteral("txt")));
    recordAction()->trigger();
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY(recordAction()->isChecked());
}

QByteArray tst_Recording::fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// One client selected (the view shows only its rows) while recording: the file still holds
// all three clients' lines and the connect and disconnect events.
void tst_Recording::recordsEveryPeerAndEvent()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QVERIFY(a);
    auto *peers = child<QTreeView>(server(), "peerList");
    const QModelIndex first = peers->model()->index(0, PeerListModel::Endpoint);
    QTest::mouseClick(peers->viewport(), Qt::LeftButton, {}, peers->visualRect(first).center());
    QCOMPARE(peers->selectionModel()->selectedRows().size(), 1);

    const QString path = m_dir->filePath(QStringLiteral("everything.txt"));
    SOCKSCOPE_REQUIRE(startRecording(path));
    QTcpSocket *b = connectClient();
    QTcpSocket *c = connectClient();
    QVERIFY(b && c);
    a->write("line-from-a");
    b->write("line-from-b");
    c->write("line-from-c");
    Session *session = server()->session();
    QTRY_COMPARE(session->rxBytesTotal(), qint64(33));
    c->disconnectFromHost();
    QTRY_COMPARE(session->openPeerCount(), 2);
    session->flushRecords();
    recordAction()->trigger(); // stop
    QVERIFY(!recordAction()->isChecked());

    const QByteArray text = fileBytes(path);
    for (const char *line : {"line-from-a", "line-from-b", "line-from-c"})
        QVERIFY2(text.contains(line), line);
    QCOMPARE(text.count(" Connected\n"), 2); // b and c connected while recording
    QCOMPARE(text.count(" Disconnected: "), 1);
}

// While recording, the status bar names the file; its stop button ends the recording (the
// menu tick goes too) and nothing more is written.
void tst_Recording::statusBarShowsRecordingWithStop()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QVERIFY(a);
    auto *status = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("recordingStatus"));
    auto *stop = m_window->statusBar()->findChild<QToolButton *>(QStringLiteral("stopRecording"));
    QVERIFY2(status && stop, "no recording indicator in the status bar");
    QVERIFY(!status->isVisible());
    QVERIFY(!stop->isVisible());

    const QString path = m_dir->filePath(QStringLiteral("shown.txt"));
    SOCKSCOPE_REQUIRE(startRecording(path));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("shown.txt")), qPrintable(status->text()));
    QVERIFY(stop->isVisible());
    a->write("recorded");
    QTRY_VERIFY(fileBytes(path).contains("recorded"));

    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!recordAction()->isChecked());
    QVERIFY(!status->isVisible());
    QVERIFY(!stop->isVisible());
    const qint64 size = QFile(path).size();
    a->write("not-recorded");
    QTRY_COMPARE(server()->session()->rxBytesTotal(), qint64(20));
    server()->session()->flushRecords();
    spin(50);
    QCOMPARE(QFile(path).size(), size);
}

// Recording into a file on a full device (a link to /dev/full: every flush fails with
// ENOSPC): the recording stops, the menu tick and the status go, and one message says why,
// shown after the log delivery that failed (by then the tick is already gone).
void tst_Recording::writeErrorUnticksAndSaysSoOnce()
{
    // A regular file that cannot grow: the process's file-size limit (RLIMIT_FSIZE) makes
    // the recorder's writes fail with EFBIG, as on a full disk. (Special files such as
    // /dev/full are refused before recording starts.)
    const QString path = m_dir->filePath(QStringLiteral("full.txt"));
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QVERIFY(a);
    SOCKSCOPE_REQUIRE(startRecording(path));
    FileSizeLimit limit(24); // a record line is longer than this
    QVERIFY(limit.isSet());

    ModalAnswers answers;
    bool tickedWhenShown = true;
    answers.expect(
        QStringLiteral("recording error"),
        [](QWidget *w) {
            auto *box = qobject_cast<QMessageBox *>(w);
            return box && box->text().contains(QStringLiteral("stopped"));
        },
        [this, &tickedWhenShown](QWidget *w) {
            tickedWhenShown = recordAction()->isChecked();
            QTest::mouseClick(qobject_cast<QMessageBox *>(w)->button(QMessageBox::Ok),
                              Qt::LeftButton);
        });
    a->write("first");
    QTRY_VERIFY(answers.done());
    limit.restore();
    QVERIFY(!tickedWhenShown);
    QVERIFY(!recordAction()->isChecked());
    auto *status = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("recordingStatus"));
    QVERIFY(status && !status->isVisible());

    a->write("second");
    QTRY_COMPARE(server()->session()->rxBytesTotal(), qint64(11));
    server()->session()->flushRecords();
    spin(100);
    QCOMPARE(answers.shown(), 1);
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
}

QTEST_MAIN(tst_Recording)
#include "tst_recording.moc"
