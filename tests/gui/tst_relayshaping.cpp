// A relay tab's per-direction framing and its shaping ("bad network"), driven as a user would
// (issue #14): the S→C framing selector ("Same as C→S" by default) frames what the server
// sends, the C→S one what the client sends; the Shaping… dialog's latency and rate reach
// Session::relay() before Start and while running, really delay what passes, survive a new
// session (transport change) and a restart, and are saved with the tab; the command line's
// --s2c-framing and --c2s-delay/--s2c-rate reach the window's relay tab; a relay tab with
// all of it still fits a 900 px screen. Real sockets on 127.0.0.1.
#include "ui/appsettings.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/sessiontab.h"

#include "cli/launchoptions.h"
#include "core/log/logrecord.h"
#include "core/session/relaycontrol.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/udprelaysession.h"

#include "guiactions.h"
#include "require.h"
#include "screenshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

// FramingSelector's kinds, in the order it offers them after "Same as C→S".
enum Kind
{
    SameAs = -1,
    Raw,
    Line,
    Delimiter,
    Fixed,
    Length,
    Gap
};

// The named child, or the test fails (unlike child<>(), which ends the run).
template <typename T>
void find(QObject *parent, const char *name, T **out)
{
    *out = parent->findChild<T *>(QLatin1String(name));
    QVERIFY2(*out, name);
}

// Picks a kind in the selector called `selector` (fixed: its length typed over).
void chooseFraming(QWidget *tab, const char *selector, int kind, int fixedLength = 0)
{
    QWidget *framing = nullptr;
    SOCKSCOPE_REQUIRE(find(tab, selector, &framing));
    QComboBox *combo = nullptr;
    SOCKSCOPE_REQUIRE(find(framing, "framingKind", &combo));
    const QStringList names{u"Raw chunks (as received)"_s,
                            u"Lines (\\n or \\r\\n)"_s,
                            u"Delimiter"_s,
                            u"Fixed length"_s,
                            u"Length prefix"_s,
                            u"Idle gap"_s};
    const int index = combo->findText(kind == SameAs ? u"Same as C→S"_s : names.value(kind));
    QVERIFY2(index >= 0,
             qPrintable(u"%1 offers no kind %2"_s.arg(QLatin1String(selector)).arg(kind)));
    combo->setCurrentIndex(index);
    if (kind == Fixed)
        typeOver(child<QSpinBox>(framing, "framingFixed"), QString::number(fixedLength));
}

struct Shape
{
    int c2sMs = 0;
    int c2sRate = 0; // in the unit below
    int c2sUnit = 1; // 0 B/s, 1 KiB/s, 2 MiB/s
    int s2cMs = 0;
    int s2cRate = 0;
    int s2cUnit = 1;
};

// Opens Shaping…, types the values and clicks OK.
void setShapingInUi(QWidget *tab, const Shape &s)
{
    QPushButton *button = nullptr;
    SOCKSCOPE_REQUIRE(find(tab, "shapingButton", &button));
    QVERIFY(button->isVisibleTo(tab));
    clickButton(button);
    QDialog *dialog = nullptr;
    SOCKSCOPE_REQUIRE(find(tab, "shapingDialog", &dialog));
    QTRY_VERIFY(dialog->isVisible());
    typeOver(child<QSpinBox>(dialog, "c2sLatency"), QString::number(s.c2sMs));
    typeOver(child<QSpinBox>(dialog, "c2sRate"), QString::number(s.c2sRate));
    child<QComboBox>(dialog, "c2sRateUnit")->setCurrentIndex(s.c2sUnit);
    typeOver(child<QSpinBox>(dialog, "s2cLatency"), QString::number(s.s2cMs));
    typeOver(child<QSpinBox>(dialog, "s2cRate"), QString::number(s.s2cRate));
    child<QComboBox>(dialog, "s2cRateUnit")->setCurrentIndex(s.s2cUnit);
    clickButton(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));
    QTRY_VERIFY(!dialog->isVisible());
}

void compareShaping(Session *session, int c2sMs, qint64 c2sRate, int s2cMs, qint64 s2cRate)
{
    RelayControl *relay = session->relay();
    QVERIFY(relay);
    QCOMPARE(relay->shaping(false).latencyMs, c2sMs);
    QCOMPARE(relay->shaping(false).bytesPerSecond, c2sRate);
    QCOMPARE(relay->shaping(true).latencyMs, s2cMs);
    QCOMPARE(relay->shaping(true).bytesPerSecond, s2cRate);
}

quint16 startRelay(SessionTab &tab, quint16 upstreamPort)
{
    typeOver(child<QLineEdit>(&tab, "remoteHost"), u"127.0.0.1"_s);
    typeOver(child<QSpinBox>(&tab, "remotePort"), QString::number(upstreamPort));
    return startServerInTab(&tab);
}

void pickTransport(SessionTab &tab, bool overUdp)
{
    auto *transport = child<QComboBox>(&tab, "relayTransport");
    transport->setCurrentIndex(transport->findData(overUdp));
}

// A client through the relay and the upstream's end of its pair.
struct Pair
{
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> server;
};

void connectPair(QTcpServer &upstream, quint16 port, Pair &pair)
{
    pair.client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingConnections());
    pair.server.reset(upstream.nextPendingConnection());
    QTRY_COMPARE(pair.client.state(), QAbstractSocket::ConnectedState);
}

// The payloads of the log's received rows in one direction, in order.
QList<QByteArray> rowsOf(const SessionTab &tab, bool serverToClient)
{
    tab.session()->flushRecords();
    QList<QByteArray> out;
    const LogModel *model = tab.logPane()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const LogRecord r = model->record(row);
        if (r.kind == LogRecord::Kind::Rx && bool(r.flags & LogRecord::Upstream) == serverToClient)
            out << r.bytes;
    }
    return out;
}

// The upstream answers everything it gets, as it gets it.
void echoFromUpstream(QTcpSocket *server)
{
    QObject::connect(server, &QTcpSocket::readyRead, server,
                     [server] { server->write(server->readAll()); });
}

// How long the client waits for the upstream's echo of `bytes`.
qint64 echoTime(QTcpSocket &client, const QByteArray &bytes)
{
    client.readAll();
    QElapsedTimer clock;
    clock.start();
    client.write(bytes);
    if (!QTest::qWaitFor([&] { return client.bytesAvailable() >= bytes.size(); }, 5000))
        return -1;
    const qint64 ms = clock.elapsed();
    return client.readAll() == bytes ? ms : -2;
}

} // namespace

class tst_RelayShaping : public QObject
{
    Q_OBJECT

private slots:
    void s2cFramingFramesServerToClient_data();
    void s2cFramingFramesServerToClient();
    void c2sChangeKeepsOwnS2cFraming();
    void shapingReachesRelayAndDelays_data();
    void shapingReachesRelayAndDelays();
    void shapingSurvivesNewSessionAndRestart();
    void settingsPersist_data();
    void settingsPersist();
    void launchOptions();
    void fitsTheScreen_data();
    void fitsTheScreen();
};

void tst_RelayShaping::s2cFramingFramesServerToClient_data()
{
    QTest::addColumn<int>("c2sKind");
    QTest::addColumn<int>("s2cKind");
    QTest::addColumn<QList<QByteArray>>("c2sRows");
    QTest::addColumn<QList<QByteArray>>("s2cRows");
    using L = QList<QByteArray>;
    // The client sends "ab\ncdef\n", the server "12345678".
    QTest::newRow("C→S lines, S→C fixed 4")
        << int(Line) << int(Fixed) << L{"ab", "cdef"} << L{"1234", "5678"};
    QTest::newRow("C→S fixed 4, S→C lines")
        << int(Fixed) << int(Line) << L{"ab\nc", "def\n"} << L{};
    QTest::newRow("C→S lines, S→C same") << int(Line) << int(SameAs) << L{"ab", "cdef"} << L{};
}

// Each direction framed by its own selector: the log's rows split accordingly.
void tst_RelayShaping::s2cFramingFramesServerToClient()
{
    QFETCH(int, c2sKind);
    QFETCH(int, s2cKind);
    QFETCH(QList<QByteArray>, c2sRows);
    QFETCH(QList<QByteArray>, s2cRows);
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    tab.session()->setBatchInterval(5);
    SOCKSCOPE_REQUIRE(chooseFraming(&tab, "framing", c2sKind, 4));
    SOCKSCOPE_REQUIRE(chooseFraming(&tab, "s2cFraming", s2cKind, 4));
    const quint16 port = startRelay(tab, upstream.serverPort());
    QVERIFY(port != 0);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(upstream, port, p));
    p.client.write("ab\ncdef\n");
    QTRY_COMPARE(p.server->bytesAvailable(), 8);
    // Sent in one piece: the frames come from the framing, not from how the bytes arrived.
    p.server->write("12345678");
    QTRY_COMPARE(p.client.bytesAvailable(), 8);
    QTRY_COMPARE(rowsOf(tab, false), c2sRows);
    if (s2cKind != Fixed) { // lines (own or as C→S): the server's line is not finished yet
        QTest::qWait(50);
        QCOMPARE(rowsOf(tab, true), QList<QByteArray>{});
        p.server->write("\n");
        s2cRows = {"12345678"};
    }
    QTRY_COMPARE(rowsOf(tab, true), s2cRows);
}

// C→S framing sets both directions in the core: changing it while S→C has its own (running)
// must not undo the S→C one.
void tst_RelayShaping::c2sChangeKeepsOwnS2cFraming()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    tab.session()->setBatchInterval(5);
    SOCKSCOPE_REQUIRE(chooseFraming(&tab, "s2cFraming", Fixed, 4));
    const quint16 port = startRelay(tab, upstream.serverPort());
    QVERIFY(port != 0);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(upstream, port, p));
    SOCKSCOPE_REQUIRE(chooseFraming(&tab, "framing", Line));
    QCOMPARE(toString(tab.session()->framing()), u"line"_s);
    QCOMPARE(tab.session()->upstreamFraming().type, FramingSpec::Type::FixedLength);
    QCOMPARE(tab.session()->upstreamFraming().fixedLength, 4);
    p.server->write("abcdefgh");
    QTRY_COMPARE(rowsOf(tab, true), (QList<QByteArray>{"abcd", "efgh"}));
    // Back to "same as": the server's bytes are framed as lines.
    SOCKSCOPE_REQUIRE(chooseFraming(&tab, "s2cFraming", SameAs));
    QCOMPARE(toString(tab.session()->upstreamFraming()), u"line"_s);
}

void tst_RelayShaping::shapingReachesRelayAndDelays_data()
{
    QTest::addColumn<bool>("beforeStart");
    QTest::addColumn<bool>("serverToClient");
    QTest::newRow("C→S, set before Start") << true << false;
    QTest::newRow("S→C, set before Start") << true << true;
    QTest::newRow("C→S, set while running") << false << false;
    QTest::newRow("S→C, set while running") << false << true;
}

// 300 ms in the dialog: the relay has it, the button says so, and an upstream echo through
// the relay takes at least that long (a lower bound only). A rate reaches it in its unit.
void tst_RelayShaping::shapingReachesRelayAndDelays()
{
    QFETCH(bool, beforeStart);
    QFETCH(bool, serverToClient);
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    Shape shape;
    (serverToClient ? shape.s2cMs : shape.c2sMs) = 300;
    (serverToClient ? shape.c2sRate : shape.s2cRate) = 64; // KiB/s, the other way
    if (beforeStart)
        SOCKSCOPE_REQUIRE(setShapingInUi(&tab, shape));
    const quint16 port = startRelay(tab, upstream.serverPort());
    QVERIFY(port != 0);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(upstream, port, p));
    echoFromUpstream(p.server.get());
    if (!beforeStart) {
        QVERIFY(echoTime(p.client, "fast") >= 0); // unshaped so far
        SOCKSCOPE_REQUIRE(setShapingInUi(&tab, shape));
    }
    SOCKSCOPE_REQUIRE(compareShaping(tab.session(), shape.c2sMs, qint64(shape.c2sRate) * 1024,
                                     shape.s2cMs, qint64(shape.s2cRate) * 1024));
    const QString text = child<QPushButton>(&tab, "shapingButton")->text();
    const QString expected = serverToClient ? u"Shaping: C→S 64 KiB/s; S→C 300 ms"_s
                                            : u"Shaping: C→S 300 ms; S→C 64 KiB/s"_s;
    QCOMPARE(text, expected);
    const qint64 ms = echoTime(p.client, "slow");
    QVERIFY2(ms >= 295, qPrintable(u"the echo came after %1 ms"_s.arg(ms)));

    // No shaping again: the relay passes bytes on as they come, and the button says so.
    clickButton(child<QPushButton>(&tab, "shapingButton"));
    auto *dialog = child<QDialog>(&tab, "shapingDialog");
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(child<QSpinBox>(dialog, serverToClient ? "s2cLatency" : "c2sLatency")->value(), 300);
    clickButton(child<QPushButton>(dialog, "noShaping"));
    clickButton(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));
    SOCKSCOPE_REQUIRE(compareShaping(tab.session(), 0, 0, 0, 0));
    QCOMPARE(child<QPushButton>(&tab, "shapingButton")->text(), u"Shaping…"_s);
}

// The shaping stays the tab's: through a stop and start, and through the new session a
// transport change makes (UDP, then TCP again).
void tst_RelayShaping::shapingSurvivesNewSessionAndRestart()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    Shape shape;
    shape.c2sMs = 300;
    shape.s2cRate = 2;
    shape.s2cUnit = 2; // MiB/s
    SOCKSCOPE_REQUIRE(setShapingInUi(&tab, shape));
    const Session *first = tab.session();
    pickTransport(tab, true);
    QVERIFY(tab.session() != first);
    QVERIFY(qobject_cast<UdpRelaySession *>(tab.session()));
    SOCKSCOPE_REQUIRE(compareShaping(tab.session(), 300, 0, 0, 2 << 20));
    // A UDP relay has no framing but the same button.
    QVERIFY(child<QPushButton>(&tab, "shapingButton")->isVisibleTo(&tab));
    QCOMPARE(child<QPushButton>(&tab, "shapingButton")->text(),
             u"Shaping: C→S 300 ms; S→C 2 MiB/s"_s);
    pickTransport(tab, false);
    QVERIFY(qobject_cast<TcpRelaySession *>(tab.session()));
    SOCKSCOPE_REQUIRE(compareShaping(tab.session(), 300, 0, 0, 2 << 20));

    quint16 port = startRelay(tab, upstream.serverPort());
    QVERIFY(port != 0);
    tab.stop();
    QTRY_COMPARE(tab.session()->state(), Session::State::Idle);
    port = startRelay(tab, upstream.serverPort());
    QVERIFY(port != 0);
    SOCKSCOPE_REQUIRE(compareShaping(tab.session(), 300, 0, 0, 2 << 20));
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(upstream, port, p));
    echoFromUpstream(p.server.get());
    const qint64 ms = echoTime(p.client, "after a restart");
    QVERIFY2(ms >= 295, qPrintable(u"the echo came after %1 ms"_s.arg(ms)));
}

void tst_RelayShaping::settingsPersist_data()
{
    QTest::addColumn<bool>("ownS2c");
    QTest::newRow("S→C fixed 4") << true;
    QTest::newRow("S→C same as C→S") << false;
}

// The S→C framing and the shaping are saved with the tab and a new tab loads them (over
// the shaping it shows).
void tst_RelayShaping::settingsPersist()
{
    QFETCH(bool, ownS2c);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"relay.ini"_s), QSettings::IniFormat);
    {
        SessionTab tab(Session::Mode::Relay);
        SOCKSCOPE_REQUIRE(chooseFraming(&tab, "framing", Line));
        SOCKSCOPE_REQUIRE(chooseFraming(&tab, "s2cFraming", ownS2c ? Fixed : SameAs, 4));
        Shape shape;
        shape.c2sMs = 250;
        shape.c2sRate = 1500;
        shape.c2sUnit = 0; // B/s
        shape.s2cMs = 40;
        SOCKSCOPE_REQUIRE(setShapingInUi(&tab, shape));
        tab.saveState(settings);
    }
    SessionTab again(Session::Mode::Relay);
    // What the new tab showed before loading: shaping of its own, and S→C framing "same as"
    // (a new tab's: a saved "same as" is no key at all, the tab's group is written afresh).
    Shape other;
    other.s2cRate = 7;
    SOCKSCOPE_REQUIRE(setShapingInUi(&again, other));
    again.restoreState(settings);

    QCOMPARE(toString(again.session()->framing()), u"line"_s);
    auto *s2cKind = child<QWidget>(&again, "s2cFraming")->findChild<QComboBox *>(u"framingKind"_s);
    QCOMPARE(s2cKind->currentText(), ownS2c ? u"Fixed length"_s : u"Same as C→S"_s);
    if (ownS2c) {
        QCOMPARE(again.session()->upstreamFraming().type, FramingSpec::Type::FixedLength);
        QCOMPARE(again.session()->upstreamFraming().fixedLength, 4);
    } else {
        QCOMPARE(toString(again.session()->upstreamFraming()), u"line"_s);
    }
    SOCKSCOPE_REQUIRE(compareShaping(again.session(), 250, 1500, 40, 0));
    QCOMPARE(child<QPushButton>(&again, "shapingButton")->text(),
             u"Shaping: C→S 250 ms, 1500 B/s; S→C 40 ms"_s);
    // The dialog shows the rate in the unit it was given in.
    clickButton(child<QPushButton>(&again, "shapingButton"));
    auto *dialog = child<QDialog>(&again, "shapingDialog");
    QCOMPARE(child<QSpinBox>(dialog, "c2sRate")->value(), 1500);
    QCOMPARE(child<QComboBox>(dialog, "c2sRateUnit")->currentIndex(), 0);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(saveScreenshot(*dialog, u"relayshaping-dialog"_s));
    dialog->reject();
}

// sockscope --mode relay --framing line --s2c-framing fixed:4 --c2s-delay 200 --s2c-rate
// 10240: the window's relay tab frames and shapes as asked.
void tst_RelayShaping::launchOptions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LaunchParse parsed =
        parseLaunchOptions({u"sockscope"_s, u"--mode"_s, u"relay"_s, u"--upstream"_s,
                            u"127.0.0.1:9"_s, u"--framing"_s, u"line"_s, u"--s2c-framing"_s,
                            u"fixed:4"_s, u"--c2s-delay"_s, u"200"_s, u"--s2c-rate"_s, u"10240"_s});
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Ok);
    AppSettings settings(dir.filePath(u"a.ini"_s));
    MainWindow window(&settings);
    window.applyLaunchOptions(parsed.options);
    SessionTab *tab = window.currentSession();
    QVERIFY(tab);
    QCOMPARE(tab->mode(), Session::Mode::Relay);
    QCOMPARE(toString(tab->session()->framing()), u"line"_s);
    QCOMPARE(tab->session()->upstreamFraming().type, FramingSpec::Type::FixedLength);
    QCOMPARE(tab->session()->upstreamFraming().fixedLength, 4);
    SOCKSCOPE_REQUIRE(compareShaping(tab->session(), 200, 0, 0, 10240));
    QCOMPARE(child<QPushButton>(tab, "shapingButton")->text(),
             u"Shaping: C→S 200 ms; S→C 10 KiB/s"_s);

    // Without --s2c-framing the tab's S→C framing follows --framing again.
    const LaunchParse plain =
        parseLaunchOptions({u"sockscope"_s, u"--mode"_s, u"relay"_s, u"--framing"_s, u"fixed:8"_s});
    QCOMPARE(plain.outcome, LaunchParse::Outcome::Ok);
    window.applyLaunchOptions(plain.options);
    QCOMPARE(window.currentSession(), tab);
    QCOMPARE(tab->session()->upstreamFraming().fixedLength, 8);
    SOCKSCOPE_REQUIRE(compareShaping(tab->session(), 0, 0, 0, 0));
}

void tst_RelayShaping::fitsTheScreen_data()
{
    QTest::addColumn<int>("c2sKind");
    QTest::addColumn<int>("s2cKind");
    for (int s2c = SameAs; s2c <= Gap; ++s2c)
        QTest::addRow("900x600 C→S delimiter, S→C kind %d", s2c) << int(Delimiter) << s2c;
    QTest::addRow("900x600 C→S length, S→C length") << int(Length) << int(Length);
}

// A running relay tab with a pair, both framings of their own and both directions shaped, on
// a 900x600 screen: the window is not widened (nor made taller, without a length prefix) and
// every control of the framing rows shows whole; other tabs keep their one "Framing"
// selector and no Shaping button.
void tst_RelayShaping::fitsTheScreen()
{
    QFETCH(int, c2sKind);
    QFETCH(int, s2cKind);
    const QSize size(900, 600);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(u"a.ini"_s));
    MainWindow window(&settings);
    SessionTab *tab = window.addSession(Session::Mode::Relay);
    window.sessionTabs()->setCurrentWidget(tab);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SOCKSCOPE_REQUIRE(chooseFraming(tab, "framing", c2sKind, 4));
    SOCKSCOPE_REQUIRE(chooseFraming(tab, "s2cFraming", s2cKind, 4));
    Shape shape{600000, 999999, 0, 600000, 999999, 0};
    SOCKSCOPE_REQUIRE(setShapingInUi(tab, shape));
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    const quint16 port = startRelay(*tab, upstream.serverPort());
    QVERIFY(port != 0);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(upstream, port, p));
    auto *peers = child<QTreeView>(tab, "peerList");
    QTRY_COMPARE(peers->model()->rowCount(), 1);
    window.resize(size);
    QTest::qWait(50); // layouts settle
    QVERIFY(saveScreenshot(window, u"relayshaping-%1-%2"_s.arg(c2sKind).arg(s2cKind)));

    QCOMPARE(window.width(), size.width());
    // A length prefix's fields take a row more (as they do in every tab); without one the
    // row the S→C framing takes does not push the window past a 600 px high screen.
    if (c2sKind != Length && s2cKind != Length)
        QCOMPARE(window.height(), size.height());
    auto *options = child<QWidget>(tab, "framing")->parentWidget();
    const auto widgets = options->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(tab) || qobject_cast<QDialog *>(w) ||
            qobject_cast<QDialog *>(w->window()))
            continue;
        if (!(qobject_cast<QComboBox *>(w) || qobject_cast<QLabel *>(w) ||
              qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSpinBox *>(w)))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w); l && l->wordWrap())
            continue;
        QVERIFY2(w->width() + 1 >= w->minimumSizeHint().width(),
                 qPrintable(u"%1 '%2' is %3 px, needs %4"_s
                                .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                                .arg(w->width())
                                .arg(w->minimumSizeHint().width())));
        const QRect inTab(w->mapTo(tab, QPoint(0, 0)), w->size());
        QVERIFY2(tab->rect().contains(inTab),
                 qPrintable(u"%1 '%2' is cut"_s.arg(QLatin1String(w->metaObject()->className()),
                                                    w->objectName())));
    }
    auto *button = child<QPushButton>(tab, "shapingButton");
    QVERIFY(button->width() >= button->fontMetrics().horizontalAdvance(button->text()));

    // The other kinds: one framing, labelled as before, and no relay controls.
    for (Session::Mode mode : {Session::Mode::TcpServer, Session::Mode::TcpClient}) {
        SessionTab *other = window.addSession(mode);
        QVERIFY(!other->findChild<QWidget *>(u"s2cFraming"_s));
        QVERIFY(!other->findChild<QWidget *>(u"shapingButton"_s));
        auto *kind = child<QComboBox>(other, "framingKind");
        QCOMPARE(kind->count(), 6);
        QCOMPARE(kind->currentIndex(), 0);
        auto *label = qobject_cast<QLabel *>(kind->parentWidget()->findChild<QLabel *>());
        QVERIFY(label);
        QCOMPARE(label->text(), u"&Framing"_s);
    }
}

QTEST_MAIN(tst_RelayShaping)
#include "tst_relayshaping.moc"
