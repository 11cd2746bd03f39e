// Notes under the send editor describe the current state or go away (issue #11 item 19):
// a send result goes when the target or the connection changes, "Escapes turned on" goes
// when escapes or the format change, switching hex to text never turns Escapes on without
// the user's word, and with "Reply to last sender" the target label names that sender.
#include "ui/sendpanel.h"
#include "ui/sessiontab.h"

#include "cli/launchoptions.h"

#include "boundport.h"

#include <QCheckBox>
#include <QHostAddress>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUdpSocket>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

const QHostAddress Loopback(QHostAddress::LocalHost);

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

QLabel *note(QWidget *parent)
{
    return child<QLabel>(parent, u"statusLabel"_s);
}

bool noteShown(QWidget *parent)
{
    QLabel *n = note(parent);
    return n && n->isVisibleTo(parent) && !n->text().isEmpty();
}

// A TCP server tab listening on 127.0.0.1, an OS-chosen port.
quint16 listen(SessionTab &tab)
{
    LaunchOptions o;
    o.bind = Loopback;
    o.bindGiven = true;
    o.port = 0;
    o.portGiven = true;
    o.startNow = true;
    tab.applyLaunchOptions(o);
    return test::waitForBoundPort(tab.session());
}

} // namespace

class tst_SendNotes : public QObject
{
    Q_OBJECT

private slots:
    // Hex -> text with bytes that text can hold only as escapes: the panel stays in hex and
    // says so, with a link that turns Escapes on and switches.
    void hexToTextAsksForEscapes()
    {
        SendPanel panel;
        panel.resize(900, 260);
        MessageSpec s;
        s.format = MessageFormat::Hex;
        s.content = u"48 0D 0A FF"_s;
        panel.setSpec(s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *escapes = child<QCheckBox>(&panel, u"escapesCheck"_s);
        QVERIFY(!escapes->isChecked());

        QTest::mouseClick(child<QRadioButton>(&panel, u"textModeRadio"_s), Qt::LeftButton);
        QCOMPARE(panel.spec().format, MessageFormat::Hex);
        QVERIFY(!escapes->isChecked());
        QVERIFY(child<QRadioButton>(&panel, u"hexModeRadio"_s)->isChecked());
        QVERIFY(noteShown(&panel));
        QVERIFY2(note(&panel)->text().contains(u"href"_s), qPrintable(note(&panel)->text()));
        QCOMPARE(panel.previewResult().bytes, QByteArray::fromHex("480D0AFF"));

        // The user's word: the link.
        emit note(&panel)->linkActivated(u"escapes"_s);
        QCOMPARE(panel.spec().format, MessageFormat::Text);
        QVERIFY(escapes->isChecked());
        QCOMPARE(panel.spec().content, u"H\\r\\n\\xFF"_s);
        panel.refreshPreview();
        QCOMPARE(panel.previewResult().bytes, QByteArray::fromHex("480D0AFF"));
        QVERIFY(noteShown(&panel));
        QVERIFY(note(&panel)->text().contains(u"Escapes"_s));

        // Once Escapes is off again, the note no longer describes anything: it goes.
        QTest::mouseClick(escapes, Qt::LeftButton);
        QVERIFY(!escapes->isChecked());
        QVERIFY(!noteShown(&panel));
    }

    // Clean text switches without any question or note, escapes untouched.
    void hexToCleanTextSwitchesQuietly()
    {
        SendPanel panel;
        MessageSpec s;
        s.format = MessageFormat::Hex;
        s.content = u"48 69"_s;
        panel.setSpec(s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTest::mouseClick(child<QRadioButton>(&panel, u"textModeRadio"_s), Qt::LeftButton);
        QCOMPARE(panel.spec().format, MessageFormat::Text);
        QCOMPARE(panel.spec().content, u"Hi"_s);
        QVERIFY(!panel.spec().escapes);
        QVERIFY(!noteShown(&panel));
    }

    // "Not sent to X: no longer connected" is about the selected peer: selecting another
    // one makes it stale, so it goes.
    void notSentNoteGoesWithTheSelection()
    {
        SessionTab tab(Session::Mode::TcpServer);
        tab.resize(1200, 800);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        const quint16 port = listen(tab);
        QVERIFY(port != 0);
        QTcpSocket a;
        QTcpSocket b;
        a.connectToHost(Loopback, port);
        QTRY_COMPARE(tab.session()->openPeerCount(), 1);
        b.connectToHost(Loopback, port);
        QTRY_COMPARE(tab.session()->openPeerCount(), 2);

        auto *peers = child<QTreeView>(&tab, u"peerList"_s);
        QVERIFY(peers);
        peers->setCurrentIndex(peers->model()->index(0, 0));
        peers->selectionModel()->select(peers->model()->index(0, 0),
                                        QItemSelectionModel::ClearAndSelect |
                                            QItemSelectionModel::Rows);
        a.close();
        QTRY_COMPARE(tab.session()->openPeerCount(), 1);

        SendPanel *panel = tab.sendPanel();
        MessageSpec s;
        s.content = u"hello"_s;
        panel->setSpec(s);
        QVERIFY(QMetaObject::invokeMethod(panel, "send"));
        QTRY_VERIFY(noteShown(panel));
        QVERIFY2(note(panel)->text().contains(u"no longer connected"_s),
                 qPrintable(note(panel)->text()));

        peers->selectionModel()->select(peers->model()->index(1, 0),
                                        QItemSelectionModel::ClearAndSelect |
                                            QItemSelectionModel::Rows);
        QVERIFY2(!noteShown(panel), qPrintable(note(panel)->text()));
    }

    // "Sent payload.bin … to …" is about a connection: once the session stops, it goes.
    void fileSentNoteGoesWhenTheSessionStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"payload.bin"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("0123456789");
        }
        SessionTab tab(Session::Mode::TcpServer);
        const quint16 port = listen(tab);
        QVERIFY(port != 0);
        QTcpSocket a;
        a.connectToHost(Loopback, port);
        QTRY_COMPARE(tab.session()->openPeerCount(), 1);
        SendPanel *panel = tab.sendPanel();
        panel->sendFile(path);
        QTRY_VERIFY(noteShown(panel) && note(panel)->text().startsWith(u"Sent payload.bin"_s));
        QTRY_COMPARE(a.bytesAvailable(), qint64(10));

        tab.stop();
        QCOMPARE(tab.session()->state(), Session::State::Idle);
        QVERIFY2(!noteShown(panel), qPrintable(note(panel)->text()));
    }

    // With "Reply to last sender" the label names whoever sent last, not the remote address.
    void replyToLastLabelNamesTheSender()
    {
        QUdpSocket remote;
        QVERIFY(remote.bind(Loopback, 0));
        QUdpSocket sender;
        QVERIFY(sender.bind(Loopback, 0));
        SessionTab tab(Session::Mode::Udp);
        LaunchOptions o;
        o.bind = Loopback;
        o.bindGiven = true;
        o.port = 0;
        o.portGiven = true;
        o.remoteHost = u"127.0.0.1"_s;
        o.remotePort = remote.localPort();
        o.replyToLast = true;
        o.startNow = true;
        tab.applyLaunchOptions(o);
        QTRY_COMPARE(tab.session()->state(), Session::State::Active);
        auto *label = child<QLabel>(&tab, u"sendTarget"_s);
        QVERIFY(label);
        QVERIFY2(!label->text().contains(u"remote address"_s) || label->text().contains(u"until"_s),
                 qPrintable(label->text()));

        const quint16 local = tab.session()->boundPort();
        QCOMPARE(sender.writeDatagram("hi", Loopback, local), qint64(2));
        const QString who = u"127.0.0.1:%1"_s.arg(sender.localPort());
        QTRY_VERIFY2(label->text().contains(who), qPrintable(label->text()));
        QVERIFY(label->text().contains(u"last sender"_s));
    }
};

QTEST_MAIN(tst_SendNotes)
#include "tst_sendnotes.moc"
