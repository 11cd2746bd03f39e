// A relay's log, inject and hold controls (issue #14, the window part), offscreen: a real
// TcpRelaySession between a QTcpSocket client and a QTcpServer upstream on 127.0.0.1, with the
// log pane, peer panel, send panel and send router wired to it the way SessionTab wires them.
// - rows read C→S / S→C in their own tones and name the pair by its client in both directions;
// - an injected message reaches the side chosen on the send panel, and its row says injected;
// - Hold C→S / S→C holds that direction only, Release passes it on in order, Drop discards it;
// - selecting a pair shows both of its directions; saved CSV and text say C>S / S>C;
// - the relay tones are readable on light and dark palettes.

#include "ui/logfiltermodel.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/logview.h"
#include "ui/peerlistmodel.h"
#include "ui/peerpanel.h"
#include "ui/sendpanel.h"
#include "ui/sendrouter.h"
#include "ui/sessionkinds.h"
#include "ui/tones.h"

#include "loopback.h"
#include "modalanswers.h"
#include "require.h"
#include "screenshot.h"

#include "core/autoreply/rewriterules.h"
#include "core/log/logexport.h"
#include "core/session/relaycontrol.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udprelaysession.h"

#include "contrast.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyleFactory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUdpSocket>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {


// One client through the relay to the upstream server: the sockets at both ends and the ids
// of the pair's two sides.
struct Pair
{
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> server;
    quint32 c = 0;
    quint32 u = 0;
};

} // namespace

class tst_RelayLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsShowDirectionAndPair_data();
    void rowsShowDirectionAndPair();
    void injectReachesChosenSide_data();
    void injectReachesChosenSide();
    void readinessWords_data();
    void readinessWords();
    void holdReleaseDrop_data();
    void holdReleaseDrop();
    void holdActsOnSelectedPairOnly();
    void dropAsksWhenMuchIsHeld_data();
    void dropAsksWhenMuchIsHeld();
    void filterShowsBothDirectionsOfPair();
    void exportWritesRelayDirections_data();
    void exportWritesRelayDirections();
    void recordingNamesPairs();
    void periodicAndFileFollowSide_data();
    void periodicAndFileFollowSide();
    void udpRelayRowsAndInject();
    void otherModesKeepRxTx();
    void relayControlsOnlyInRelays();
    void relayTonesReadable_data();
    void relayTonesReadable();
    void rewriteMarks();
    void rewriteMarksReadable_data();
    void rewriteMarksReadable();
    void screenshots();

private:
    void wire();
    // Connects a client through the relay and waits until both sides are open.
    void connectPair(Pair &pair);
    void send(const QByteArray &text);
    int rowOf(const QByteArray &payload, LogRecord::Kind kind) const;
    QString cell(int row, int column, int role = Qt::DisplayRole) const;
    void flush();
    QByteArray exported(LogExport::Format format) const;
    template <typename T>
    T *child(const char *name) const
    {
        T *w = m_host->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    QTcpServer m_upstream;
    std::unique_ptr<QWidget> m_host;
    Session *m_relay = nullptr;
    LogPane *m_log = nullptr;
    PeerPanel *m_peers = nullptr;
    SendPanel *m_send = nullptr;
    SendRouter *m_router = nullptr;
};

void tst_RelayLog::init()
{
    QVERIFY(m_upstream.listen(kLoopback, 0));
    m_host = std::make_unique<QWidget>();
    m_host->resize(1200, 700);
    auto *tcp = new TcpRelaySession(m_host.get());
    TcpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = m_upstream.serverPort();
    tcp->setOptions(o);
    m_relay = tcp;
    SOCKSCOPE_REQUIRE(wire());
}

// As SessionTab builds and wires its parts (buildPeerAndLog, buildSendArea, connectSession)
// around m_relay, and starts it.
void tst_RelayLog::wire()
{
    m_relay->setBatchInterval(5);
    auto *layout = new QVBoxLayout(m_host.get());
    auto *vsplit = new QSplitter(Qt::Vertical, m_host.get());
    auto *split = new QSplitter(Qt::Horizontal, vsplit);
    m_peers = new PeerPanel(m_relay, sessionKind(Session::Mode::TcpServer), split);
    m_log = new LogPane(split);
    new QAbstractItemModelTester(m_log->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_log);
    split->setSizes({360, 840});
    m_send = new SendPanel(vsplit);
    layout->addWidget(vsplit);
    m_router = new SendRouter(m_relay, m_peers, m_send, m_host.get());
    connect(m_relay, &Session::recordsReady, m_log, &LogPane::appendRecords);
    connect(m_relay, &Session::peerOpened, m_log, [this](quint32 id) {
        if (const PeerInfo *p = m_relay->peer(id))
            m_log->notePeer(*p);
    });
    connect(m_relay, &Session::peersRemoved, m_log,
            [this](const QList<quint32> &ids) { m_log->model()->forgetPeerNames(ids); });
    connect(m_peers, &PeerPanel::selectionChanged, m_log, [this] {
        m_log->setPeerFilter(m_peers->selectedPeers());
        m_send->targetChanged();
        m_router->refresh();
    });
    connect(m_router, &SendRouter::readinessChanged, m_log, [this](const SendReadiness &r) {
        m_peers->setTargetText(r.label);
        m_send->setConnected(r.ok, r.why);
    });
    connect(m_relay, &Session::stateChanged, m_router, &SendRouter::refresh);
    connect(m_send, &SendPanel::sendRequested, m_router, &SendRouter::sendNow); // connectSendPanel
    m_relay->start();
    QTRY_COMPARE(m_relay->state(), Session::State::Active);
    m_host->show();
}

void tst_RelayLog::cleanup()
{
    m_host.reset(); // the relay goes with it
    m_upstream.close();
}

void tst_RelayLog::connectPair(Pair &pair)
{
    const qsizetype before = m_relay->peerIds().size();
    pair.client.connectToHost(kLoopback, m_relay->boundPort());
    QVERIFY(pair.client.waitForConnected(5000));
    QTRY_VERIFY(m_upstream.hasPendingConnections());
    pair.server.reset(m_upstream.nextPendingConnection());
    QTRY_COMPARE(m_relay->peerIds().size(), before + 2);
    for (quint32 id : m_relay->peerIds().mid(before)) {
        const PeerInfo *p = m_relay->peer(id);
        (p->isUpstream() ? pair.u : pair.c) = id;
    }
    QVERIFY(pair.c != 0 && pair.u != 0);
    QCOMPARE(m_relay->peer(pair.u)->partner, pair.c);
}

void tst_RelayLog::send(const QByteArray &text)
{
    auto *editor = child<QPlainTextEdit>("editor");
    QVERIFY(editor);
    editor->setPlainText(QString::fromUtf8(text));
    m_send->refreshPreview();
    auto *button = child<QPushButton>("sendButton");
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->toolTip()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void tst_RelayLog::flush()
{
    m_relay->flushRecords();
}

int tst_RelayLog::rowOf(const QByteArray &payload, LogRecord::Kind kind) const
{
    const LogModel *model = m_log->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->record(row).kind == kind && model->record(row).bytes == payload)
            return row;
    }
    return -1;
}

QString tst_RelayLog::cell(int row, int column, int role) const
{
    return m_log->model()->data(m_log->model()->index(row, column), role).toString();
}

QByteArray tst_RelayLog::exported(LogExport::Format format) const
{
    LogExport::Options o = m_log->exportOptions();
    o.format = format;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!LogExport::write(&buffer, m_log->model()->allRecords(), o))
        return {};
    return buffer.data();
}

void tst_RelayLog::rowsShowDirectionAndPair_data()
{
    QTest::addColumn<bool>("fromClient");
    QTest::addColumn<QString>("direction");
    QTest::addRow("client to server") << true << QStringLiteral("C→S");
    QTest::addRow("server to client") << false << QStringLiteral("S→C");
}

// Both directions name the pair by its client (the upstream side's own endpoint would be the
// server's, the same for every pair).
void tst_RelayLog::rowsShowDirectionAndPair()
{
    QFETCH(bool, fromClient);
    QFETCH(QString, direction);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    const QByteArray payload = fromClient ? "from-client" : "from-server";
    (fromClient ? static_cast<QTcpSocket &>(p.client) : *p.server).write(payload);
    QTcpSocket &receiver = fromClient ? *p.server : p.client;
    QTRY_COMPARE(receiver.bytesAvailable(), payload.size());
    QCOMPARE(receiver.readAll(), payload); // forwarded unchanged
    flush();
    int row = -1;
    QTRY_VERIFY((row = rowOf(payload, LogRecord::Kind::Rx)) >= 0);
    QCOMPARE(cell(row, LogModel::DirectionColumn), direction);
    QCOMPARE(cell(row, LogModel::PeerColumn), endpointOf(p.client));
    QVERIFY(cell(row, LogModel::PeerColumn, Qt::ToolTipRole).contains(endpointOf(p.client)));
    QVERIFY(cell(row, LogModel::PeerColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("127.0.0.1:%1").arg(m_upstream.serverPort())));
    const QColor tone = toneColor(fromClient ? Tone::ClientToServer : Tone::ServerToClient,
                                  QGuiApplication::palette());
    QCOMPARE(m_log->model()
                 ->data(m_log->model()->index(row, LogModel::DirectionColumn), Qt::ForegroundRole)
                 .value<QColor>(),
             tone);
    QVERIFY(toneColor(Tone::ClientToServer, QGuiApplication::palette()) !=
            toneColor(Tone::ServerToClient, QGuiApplication::palette()));
}

void tst_RelayLog::injectReachesChosenSide_data()
{
    QTest::addColumn<SendPanel::RelaySide>("side");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("label");
    QTest::addRow("to the server")
        << SendPanel::RelaySide::Server << QStringLiteral("C→S (injected)")
        << QStringLiteral("Send to: the server side of all 1 pair(s)");
    QTest::addRow("to the client")
        << SendPanel::RelaySide::Client << QStringLiteral("S→C (injected)")
        << QStringLiteral("Send to: the client side of all 1 pair(s)");
}

void tst_RelayLog::injectReachesChosenSide()
{
    QFETCH(SendPanel::RelaySide, side);
    QFETCH(QString, direction);
    QFETCH(QString, label);
    auto *combo = child<QComboBox>("relaySideCombo");
    QVERIFY(combo);
    QVERIFY(m_send->relaySidesShown());
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    combo->setCurrentIndex(combo->findData(int(side)));
    QTRY_COMPARE(child<QLabel>("sendTarget")->text(), label);
    const bool toServer = side == SendPanel::RelaySide::Server;
    QCOMPARE(m_router->targets(), QList<quint32>{toServer ? p.u : p.c});

    SOCKSCOPE_REQUIRE(send("injected"));
    QTcpSocket &receiver = toServer ? *p.server : p.client;
    QTcpSocket &other = toServer ? p.client : *p.server;
    QTRY_COMPARE(receiver.bytesAvailable(), 8);
    QCOMPARE(receiver.readAll(), QByteArray("injected"));
    flush();
    int row = -1;
    QTRY_VERIFY((row = rowOf("injected", LogRecord::Kind::Tx)) >= 0);
    QCOMPARE(cell(row, LogModel::DirectionColumn), direction);
    QCOMPARE(cell(row, LogModel::PeerColumn), endpointOf(p.client));
    QVERIFY(m_log->model()
                ->data(m_log->model()->index(row, LogModel::DirectionColumn), Qt::BackgroundRole)
                .isValid()); // injected rows stand out
    QTest::qWait(50);
    QCOMPARE(other.bytesAvailable(), 0); // nothing went the other way
}

void tst_RelayLog::readinessWords_data()
{
    QTest::addColumn<bool>("active");
    QTest::addColumn<int>("pairs");
    QTest::addColumn<bool>("came");
    QTest::addColumn<int>("selected");
    QTest::addColumn<bool>("toServer");
    QTest::addColumn<int>("targets");
    QTest::addColumn<QString>("why");
    QTest::addColumn<QString>("label");
    QTest::addRow("idle") << false << 0 << false << 0 << true << 0
                          << QStringLiteral("Start the relay first.")
                          << QStringLiteral("No pair connected yet.");
    QTest::addRow("waiting") << true << 0 << false << 0 << true << 0
                             << QStringLiteral("No pair is connected yet.")
                             << QStringLiteral("No pair connected yet.");
    QTest::addRow("all left") << true << 0 << true << 0 << false << 0
                              << QStringLiteral("No pair is connected.")
                              << QStringLiteral("No pair connected (all have left).");
    QTest::addRow("all to server") << true << 3 << true << 0 << true << 3 << QString()
                                   << QStringLiteral("Send to: the server side of all 3 pair(s)");
    QTest::addRow("all to client") << true << 2 << true << 0 << false << 2 << QString()
                                   << QStringLiteral("Send to: the client side of all 2 pair(s)");
    QTest::addRow("selected to server")
        << true << 3 << true << 2 << true << 2 << QString()
        << QStringLiteral("Send to: the server side of 2 selected pair(s)");
    QTest::addRow("selected gone")
        << true << 3 << true << 1 << true << 0 << QStringLiteral("No selected pair is connected.")
        << QStringLiteral("No selected pair is connected.");
}

void tst_RelayLog::readinessWords()
{
    QFETCH(bool, active);
    QFETCH(int, pairs);
    QFETCH(bool, came);
    QFETCH(int, selected);
    QFETCH(bool, toServer);
    QFETCH(int, targets);
    QFETCH(QString, why);
    QFETCH(QString, label);
    SendRouter::Facts f;
    f.mode = Session::Mode::Relay;
    f.active = active;
    f.openPeers = pairs;
    f.clientsCame = came;
    f.selected = selected;
    f.toServer = toServer;
    f.targets = targets;
    const SendReadiness r = SendRouter::readiness(f);
    QCOMPARE(r.why, why);
    QCOMPARE(r.label, label);
    QCOMPARE(r.ok, why.isEmpty());
}

void tst_RelayLog::holdReleaseDrop_data()
{
    QTest::addColumn<bool>("towardsServer");
    QTest::addRow("C→S") << true;
    QTest::addRow("S→C") << false;
}

// The buttons act on every pair when none is selected; each holds its direction only.
void tst_RelayLog::holdReleaseDrop()
{
    QFETCH(bool, towardsServer);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    auto *hold = child<QToolButton>(towardsServer ? "holdClientToServer" : "holdServerToClient");
    auto *release = child<QToolButton>("releaseHeld");
    auto *drop = child<QToolButton>("dropHeld");
    QVERIFY(hold && release && drop);
    QTRY_VERIFY(hold->isEnabled());
    QVERIFY(child<QLabel>("heldText")->text().contains(QStringLiteral("all 1 pair(s)")));
    QTcpSocket &sender = towardsServer ? p.client : *p.server;
    QTcpSocket &receiver = towardsServer ? *p.server : p.client;
    QTcpSocket &backSender = towardsServer ? *p.server : p.client;
    QTcpSocket &backReceiver = towardsServer ? p.client : *p.server;
    const quint32 side = towardsServer ? p.c : p.u;

    QTest::mouseClick(hold, Qt::LeftButton);
    QVERIFY(hold->isChecked());
    QVERIFY(m_relay->peer(side)->holding);
    QVERIFY(!m_relay->peer(towardsServer ? p.u : p.c)->holding);
    sender.write("a\nb\n");
    backSender.write("back"); // the other direction still flows
    QTRY_COMPARE(backReceiver.bytesAvailable(), 4);
    QTRY_COMPARE(m_relay->peer(side)->heldBytes, qint64(4));
    QTest::qWait(100);
    QCOMPARE(receiver.bytesAvailable(), 0); // held
    QTRY_VERIFY(release->isEnabled());
    QVERIFY(child<QLabel>("heldText")->text().contains(QLocale().formattedDataSize(4)));

    QTest::mouseClick(release, Qt::LeftButton);
    QTRY_COMPARE(receiver.bytesAvailable(), 4);
    QCOMPARE(receiver.readAll(), QByteArray("a\nb\n"));
    QVERIFY(hold->isChecked()); // the hold stays

    sender.write("c\n");
    QTRY_COMPARE(m_relay->peer(side)->heldBytes, qint64(2));
    QTRY_VERIFY(drop->isEnabled());
    QTest::mouseClick(drop, Qt::LeftButton); // small: no question asked
    QCOMPARE(m_relay->peer(side)->heldBytes, qint64(0));
    QTest::mouseClick(hold, Qt::LeftButton);
    QVERIFY(!hold->isChecked());
    QVERIFY(!m_relay->peer(side)->holding);
    sender.write("d\n");
    QTRY_COMPARE(receiver.bytesAvailable(), 2);
    QTest::qWait(50);
    QCOMPARE(receiver.readAll(), QByteArray("d\n")); // "c" dropped
}

// With a pair selected, only it is held; the label says so.
void tst_RelayLog::holdActsOnSelectedPairOnly()
{
    Pair first;
    Pair second;
    SOCKSCOPE_REQUIRE(connectPair(first));
    SOCKSCOPE_REQUIRE(connectPair(second));
    auto *list = child<QTreeView>("peerList");
    auto *model = qobject_cast<PeerListModel *>(list->model());
    QVERIFY(model);
    QTRY_VERIFY(model->rowOfPeer(second.c) >= 0);
    list->selectionModel()->select(model->index(model->rowOfPeer(second.c), 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(child<QLabel>("heldText")->text().contains(QStringLiteral("1 selected pair(s)")));
    QTest::mouseClick(child<QToolButton>("holdClientToServer"), Qt::LeftButton);
    QVERIFY(m_relay->peer(second.c)->holding);
    QVERIFY(!m_relay->peer(first.c)->holding);
    first.client.write("one");
    second.client.write("two");
    QTRY_COMPARE(first.server->bytesAvailable(), 3);
    QTRY_COMPARE(m_relay->peer(second.c)->heldBytes, qint64(3));
    QCOMPARE(second.server->bytesAvailable(), 0);
}

void tst_RelayLog::dropAsksWhenMuchIsHeld_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("dropped");
    QTest::addRow("cancel") << QMessageBox::Cancel << false;
    QTest::addRow("discard") << QMessageBox::Discard << true;
}

// More than PeerPanel::DropConfirmBytes held: Drop asks first, and Cancel keeps it all.
void tst_RelayLog::dropAsksWhenMuchIsHeld()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, dropped);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    QTest::mouseClick(child<QToolButton>("holdClientToServer"), Qt::LeftButton);
    const qint64 size = PeerPanel::DropConfirmBytes + 1;
    p.client.write(QByteArray(size, 'x'));
    QTRY_COMPARE(m_relay->peer(p.c)->heldBytes, size);
    ModalAnswers answers;
    answers.expect(QStringLiteral("drop question"), dialogNamed(QStringLiteral("confirmDropHeld")),
                   clickStandardButton(answer));
    auto *drop = child<QToolButton>("dropHeld");
    QTRY_VERIFY(drop->isEnabled());
    QTest::mouseClick(drop, Qt::LeftButton);
    QTRY_VERIFY(answers.done());
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
    QCOMPARE(m_relay->peer(p.c)->heldBytes, dropped ? 0 : size);
    QTest::mouseClick(child<QToolButton>("releaseHeld"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>("holdClientToServer"), Qt::LeftButton);
    p.client.write("end");
    const qint64 expected = (dropped ? 0 : size) + 3;
    QTRY_COMPARE(p.server->bytesAvailable(), expected);
}

// Selecting a pair (its client row) shows both of its directions and no other pair's rows.
void tst_RelayLog::filterShowsBothDirectionsOfPair()
{
    Pair first;
    Pair second;
    SOCKSCOPE_REQUIRE(connectPair(first));
    SOCKSCOPE_REQUIRE(connectPair(second));
    first.client.write("c1");
    first.server->write("s1");
    second.client.write("c2");
    second.server->write("s2");
    QTRY_COMPARE(first.server->bytesAvailable() + first.client.bytesAvailable() +
                     second.server->bytesAvailable() + second.client.bytesAvailable(),
                 8);
    flush();
    QTRY_VERIFY(rowOf("s2", LogRecord::Kind::Rx) >= 0 && rowOf("c2", LogRecord::Kind::Rx) >= 0);

    auto *list = child<QTreeView>("peerList");
    auto *model = qobject_cast<PeerListModel *>(list->model());
    list->selectionModel()->select(model->index(model->rowOfPeer(first.c), 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QAbstractItemModel *shown = m_log->view()->model();
    QStringList payloads;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex i = shown->index(row, 0);
        if (i.data(LogModel::KindRole).toInt() == int(LogRecord::Kind::Rx))
            payloads << QString::fromLatin1(i.data(LogModel::BytesRole).toByteArray());
    }
    payloads.sort();
    QCOMPARE(payloads, (QStringList{QStringLiteral("c1"), QStringLiteral("s1")}));
}

void tst_RelayLog::exportWritesRelayDirections_data()
{
    QTest::addColumn<LogExport::Format>("format");
    QTest::addColumn<QString>("c2s");
    QTest::addColumn<QString>("s2c");
    QTest::addColumn<QString>("injected");
    QTest::addRow("csv") << LogExport::Format::Csv << QStringLiteral(",C>S,%1,2,63 31,c1")
                         << QStringLiteral(",S>C,%1,2,73 31,s1")
                         << QStringLiteral(",C>S,%1,3,69 6E 6A,inj");
    QTest::addRow("text") << LogExport::Format::Text << QStringLiteral(" C>S %1 2 c1")
                          << QStringLiteral(" S>C %1 2 s1") << QStringLiteral(" C>S %1 3 inj");
}

// Saved logs name the direction as the headless lines do, and the pair by its client.
void tst_RelayLog::exportWritesRelayDirections()
{
    QFETCH(LogExport::Format, format);
    QFETCH(QString, c2s);
    QFETCH(QString, s2c);
    QFETCH(QString, injected);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    p.client.write("c1");
    QTRY_COMPARE(p.server->bytesAvailable(), 2);
    p.server->write("s1");
    QTRY_COMPARE(p.client.bytesAvailable(), 2);
    QVERIFY(m_relay->send("inj", {p.u}).ok());
    QTRY_COMPARE(p.server->bytesAvailable(), 5);
    flush();
    QTRY_VERIFY(rowOf("inj", LogRecord::Kind::Tx) >= 0);
    const QString text = QString::fromUtf8(exported(format));
    const QString client = endpointOf(p.client);
    QVERIFY2(text.contains(c2s.arg(client)), qPrintable(text));
    QVERIFY2(text.contains(s2c.arg(client)), qPrintable(text));
    QVERIFY2(text.contains(injected.arg(client)), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral(" RX ")) && !text.contains(QStringLiteral(",RX,")));
}

// A recording (its own table of names, filled as LogFileActions fills it) writes the relay's
// directions and names both directions of a pair by its client.
void tst_RelayLog::recordingNamesPairs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LogRecorder recorder;
    connect(m_relay, &Session::peerOpened, &recorder, [this, &recorder](quint32 id) {
        recorder.setPeerName(id, m_relay->peer(id)->endpoint());
    });
    connect(m_relay, &Session::recordsReady, &recorder, &LogRecorder::append);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    LogExport::Options o = m_log->exportOptions();
    o.format = LogExport::Format::Csv;
    QString error;
    const QString path = dir.filePath(QStringLiteral("relay.csv"));
    QVERIFY2(recorder.start(path, o, &error), qPrintable(error));
    p.server->write("s1");
    QTRY_COMPARE(p.client.bytesAvailable(), 2);
    p.client.write("c1");
    QTRY_COMPARE(p.server->bytesAvailable(), 2);
    flush();
    recorder.stop();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QString client = endpointOf(p.client);
    QVERIFY2(text.contains(QStringLiteral(",S>C,%1,2,73 31,s1").arg(client)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(",C>S,%1,2,63 31,c1").arg(client)), qPrintable(text));
}

void tst_RelayLog::periodicAndFileFollowSide_data()
{
    QTest::addColumn<SendPanel::RelaySide>("side");
    QTest::addRow("to the server") << SendPanel::RelaySide::Server;
    QTest::addRow("to the client") << SendPanel::RelaySide::Client;
}

// The periodic and file senders take the same targets as Send: the chosen side of the pair.
void tst_RelayLog::periodicAndFileFollowSide()
{
    QFETCH(SendPanel::RelaySide, side);
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    m_send->setRelaySide(side);
    const bool toServer = side == SendPanel::RelaySide::Server;
    QTcpSocket &receiver = toServer ? *p.server : p.client;
    QTcpSocket &other = toServer ? p.client : *p.server;
    MessageSpec spec;
    spec.content = QStringLiteral("tick");
    m_router->startPeriodic(spec, 10, 3);
    QTRY_COMPARE(receiver.bytesAvailable(), 12);
    QCOMPARE(receiver.readAll(), QByteArray("ticktick"
                                            "tick"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("payload.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("file-bytes");
    file.close();
    m_router->sendFile(path);
    QTRY_COMPARE(receiver.bytesAvailable(), 10);
    QCOMPARE(receiver.readAll(), QByteArray("file-bytes"));
    QTest::qWait(50);
    QCOMPARE(other.bytesAvailable(), 0);
}

// A UDP relay's mappings are pairs too: the same words, names and inject.
void tst_RelayLog::udpRelayRowsAndInject()
{
    m_host = std::make_unique<QWidget>();
    m_host->resize(1200, 700);
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto *udp = new UdpRelaySession(m_host.get());
    UdpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = server.localPort();
    udp->setOptions(o);
    m_relay = udp;
    SOCKSCOPE_REQUIRE(wire());
    QUdpSocket client;
    QVERIFY(client.bind(kLoopback, 0));
    client.writeDatagram("ping", kLoopback, m_relay->boundPort());
    QTRY_VERIFY(server.hasPendingDatagrams());
    QNetworkDatagram got = server.receiveDatagram();
    QCOMPARE(got.data(), QByteArray("ping"));
    server.writeDatagram("pong", got.senderAddress(), quint16(got.senderPort()));
    QTRY_VERIFY(client.hasPendingDatagrams());
    QCOMPARE(client.receiveDatagram().data(), QByteArray("pong"));
    flush();
    int ping = -1;
    int pong = -1;
    QTRY_VERIFY((ping = rowOf("ping", LogRecord::Kind::Rx)) >= 0 &&
                (pong = rowOf("pong", LogRecord::Kind::Rx)) >= 0);
    const QString name = QStringLiteral("127.0.0.1:%1").arg(client.localPort());
    QCOMPARE(cell(ping, LogModel::DirectionColumn), QStringLiteral("C→S"));
    QCOMPARE(cell(pong, LogModel::DirectionColumn), QStringLiteral("S→C"));
    QCOMPARE(cell(ping, LogModel::PeerColumn), name);
    QCOMPARE(cell(pong, LogModel::PeerColumn), name);

    m_send->setRelaySide(SendPanel::RelaySide::Client);
    SOCKSCOPE_REQUIRE(send("hi"));
    QTRY_VERIFY(client.hasPendingDatagrams());
    QCOMPARE(client.receiveDatagram().data(), QByteArray("hi"));
    flush();
    int hi = -1;
    QTRY_VERIFY((hi = rowOf("hi", LogRecord::Kind::Tx)) >= 0);
    QCOMPARE(cell(hi, LogModel::DirectionColumn), QStringLiteral("S→C (injected)"));
    QCOMPARE(cell(hi, LogModel::PeerColumn), name);
}

// A session that is not a relay keeps RX / TX in the table and in saved logs.
void tst_RelayLog::otherModesKeepRxTx()
{
    LogPane pane;
    LogModel &model = *pane.model();
    model.setPeerName(7, QStringLiteral("127.0.0.1:5000"));
    LogRecord rx;
    rx.kind = LogRecord::Kind::Rx;
    rx.peerId = 7;
    rx.bytes = "in";
    LogRecord tx = rx;
    tx.kind = LogRecord::Kind::Tx;
    tx.bytes = "out";
    model.appendRecords({rx, tx});
    QVERIFY(!model.isRelay());
    QCOMPARE(model.data(model.index(0, LogModel::DirectionColumn)).toString(),
             QStringLiteral("← RX"));
    QCOMPARE(model.data(model.index(1, LogModel::DirectionColumn)).toString(),
             QStringLiteral("→ TX"));
    QVERIFY(!model.data(model.index(1, LogModel::DirectionColumn), Qt::BackgroundRole).isValid());
    auto *showTx = pane.findChild<QCheckBox *>(QStringLiteral("showTx"));
    QCOMPARE(showTx->text(), QStringLiteral("Sent"));
    LogExport::Options o;
    o.format = LogExport::Format::Csv;
    QVERIFY(LogExport::formatRecord(rx, o).contains(",RX,"));
    QVERIFY(LogExport::formatRecord(tx, o).contains(",TX,"));

    // The same records in a relay: the client side's Rx goes C→S, a Tx to it is S→C.
    PeerInfo client;
    client.id = 7;
    client.address = QHostAddress(QHostAddress::LocalHost);
    client.port = 5000;
    client.side = PeerInfo::Side::Client;
    pane.notePeer(client);
    QVERIFY(model.isRelay());
    QCOMPARE(showTx->text(), QStringLiteral("Injected")); // the only rows "you sent"
    QCOMPARE(model.data(model.index(0, LogModel::DirectionColumn)).toString(),
             QStringLiteral("C→S"));
    QCOMPARE(model.data(model.index(1, LogModel::DirectionColumn)).toString(),
             QStringLiteral("S→C (injected)"));
}

// A TCP server's panels have no side choice and no hold buttons; its targets are unchanged.
void tst_RelayLog::relayControlsOnlyInRelays()
{
    QWidget host;
    auto *server = new TcpServerSession(&host);
    auto *peers = new PeerPanel(server, sessionKind(Session::Mode::TcpServer), &host);
    auto *send = new SendPanel(&host);
    SendRouter router(server, peers, send);
    QVERIFY(!send->relaySidesShown());
    QVERIFY(!host.findChild<QToolButton *>(QStringLiteral("holdClientToServer")));
    QVERIFY(!host.findChild<QToolButton *>(QStringLiteral("dropHeld")));
    QVERIFY(!host.findChild<QLabel *>(QStringLiteral("heldText")));
    QVERIFY(router.targets().isEmpty()); // the kind's default: every client

    QVERIFY(m_send->relaySidesShown()); // the relay's own panels, for contrast
    QVERIFY(child<QToolButton>("holdClientToServer"));
}

void tst_RelayLog::relayTonesReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<Tone>("tone");
    for (const auto &[name, palette] :
         {std::pair{"light", fusionPalette()}, std::pair{"dark", darkPalette()}}) {
        QTest::addRow("%s/C→S", name) << palette << Tone::ClientToServer;
        QTest::addRow("%s/S→C", name) << palette << Tone::ServerToClient;
    }
}

// WCAG AA (4.5:1) on the base, the window, the tone's own cell and an injected row's cell.
void tst_RelayLog::relayTonesReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(Tone, tone);
    const QColor text = toneColor(tone, palette);
    for (const QColor &back :
         {palette.base().color(), palette.window().color(), toneBackground(tone, palette),
          toneBackground(Tone::Warning, palette)}) {
        const double ratio = contrast(text, back);
        QVERIFY2(
            ratio >= 4.5,
            qPrintable(QStringLiteral("%1 on %2: %3").arg(text.name(), back.name()).arg(ratio)));
    }
    for (Tone other : {Tone::Info, Tone::Ok, Tone::Warning, Tone::Error})
        QVERIFY(toneColor(other, palette) != text);
}

// Rewrite rules' work in the log: the frame a rule changed, dropped or delayed says so in its
// direction and names the rule in its tooltip; the replacement that went out instead follows
// it, marked apart from injected rows; a dropped row is struck through.
void tst_RelayLog::rewriteMarks()
{
    RewriteConfig config;
    RewriteRule temp;
    temp.match.name = QStringLiteral("temp");
    temp.direction = RewriteRule::Direction::ClientToServer;
    temp.match.match = AutoReplyRule::Match::Regex;
    temp.match.pattern = QStringLiteral("^temp=(\\d+)$");
    temp.match.reply = QStringLiteral("temp=${1}0");
    RewriteRule nope;
    nope.match.name = QStringLiteral("nope");
    nope.action = RewriteRule::Action::Drop;
    nope.match.pattern = QStringLiteral("secret");
    RewriteRule slow;
    slow.match.name = QStringLiteral("slow");
    slow.direction = RewriteRule::Direction::ServerToClient;
    slow.action = RewriteRule::Action::Delay;
    slow.match.pattern = QStringLiteral("slow");
    slow.match.delayMs = 50;
    config.rules = {temp, nope, slow};
    m_relay->setFraming(FramingSpec::line());
    QVERIFY(m_relay->relay()->setRewriteRules(config));
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    p.client.write("temp=21\nsecret\n");
    QTRY_COMPARE(p.server->bytesAvailable(), 9);
    QCOMPARE(p.server->readAll(), QByteArray("temp=210\n"));
    p.server->write("slow\nsecret too\n");
    QTRY_COMPARE(p.client.bytesAvailable(), 5);
    QVERIFY(m_relay->send("inj\n", {p.u}).ok());
    QTRY_COMPARE(p.server->bytesAvailable(), 4);
    flush();
    QTRY_VERIFY(rowOf("inj\n", LogRecord::Kind::Tx) >= 0);

    const int changed = rowOf("temp=21", LogRecord::Kind::Rx);
    const int replacement = rowOf("temp=210\n", LogRecord::Kind::Tx);
    QVERIFY(changed >= 0 && replacement > changed);
    const int direction = LogModel::DirectionColumn;
    QCOMPARE(cell(changed, direction), QStringLiteral("C→S (rewritten)"));
    QCOMPARE(cell(changed, direction, Qt::ToolTipRole),
             QStringLiteral("Changed by rule “temp”: the next C→S row is what was passed on "
                            "instead"));
    QCOMPARE(cell(replacement, direction), QStringLiteral("C→S (replacement)"));
    QVERIFY2(cell(replacement, direction, Qt::ToolTipRole)
                 .startsWith(QStringLiteral("Replacement by rule “temp”: passed on to the server")),
             qPrintable(cell(replacement, direction, Qt::ToolTipRole)));
    const LogModel *model = m_log->model();
    QVERIFY(!model->isInjected(model->record(replacement)));
    const int injected = rowOf("inj\n", LogRecord::Kind::Tx);
    QCOMPARE(cell(injected, direction), QStringLiteral("C→S (injected)"));
    const QPalette palette = QGuiApplication::palette();
    auto background = [&](int row) {
        return model->data(model->index(row, direction), Qt::BackgroundRole).value<QColor>();
    };
    QCOMPARE(background(injected), toneBackground(Tone::Warning, palette));
    QCOMPARE(background(replacement), toneBackground(Tone::ClientToServer, palette));

    const int dropped = rowOf("secret", LogRecord::Kind::Rx);
    QCOMPARE(cell(dropped, direction), QStringLiteral("C→S (dropped)"));
    QCOMPARE(cell(dropped, direction, Qt::ToolTipRole),
             QStringLiteral("Dropped by rule “nope”: not passed on to the server"));
    const int droppedBack = rowOf("secret too", LogRecord::Kind::Rx);
    QCOMPARE(cell(droppedBack, direction), QStringLiteral("S→C (dropped)"));
    for (int column : {int(LogModel::DirectionColumn), int(LogModel::DataColumn)}) {
        auto struck = [model, column](int row) {
            return model->data(model->index(row, column), Qt::FontRole).value<QFont>().strikeOut();
        };
        QVERIFY(struck(dropped));
        QVERIFY(!struck(changed));
    }
    const int delayed = rowOf("slow", LogRecord::Kind::Rx);
    QCOMPARE(cell(delayed, direction), QStringLiteral("S→C (delayed)"));
    QCOMPARE(cell(delayed, direction, Qt::ToolTipRole),
             QStringLiteral("Delayed by rule “slow”: passed on to the client later"));
    QVERIFY(saveScreenshot(*m_host, QStringLiteral("relaylog-rewrite")));

    // "Injected" off hides what you sent, not what a rule passed on (it shows with the
    // received rows).
    auto *filter = m_log->findChild<LogFilterModel *>();
    QVERIFY(filter);
    auto shown = [filter](const QByteArray &payload) {
        for (int row = 0; row < filter->rowCount(); ++row) {
            if (filter->index(row, 0).data(LogModel::BytesRole).toByteArray() == payload)
                return true;
        }
        return false;
    };
    QVERIFY(shown("temp=210\n") && shown("inj\n"));
    child<QCheckBox>("showTx")->click();
    QVERIFY(!child<QCheckBox>("showTx")->isChecked());
    QVERIFY(!shown("inj\n"));
    QVERIFY(shown("temp=210\n"));
}

void tst_RelayLog::rewriteMarksReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("upstream");
    for (const auto &[name, palette] :
         {std::pair{"light", fusionPalette()}, std::pair{"dark", darkPalette()}}) {
        QTest::addRow("%s/C→S", name) << palette << true;
        QTest::addRow("%s/S→C", name) << palette << false;
    }
}

// A replacement row's direction cell stands apart from an injected one's and stays readable
// (WCAG AA) on light and dark palettes.
void tst_RelayLog::rewriteMarksReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, upstream);
    const QPalette before = QApplication::palette();
    QApplication::setPalette(palette);
    LogPane pane;
    LogModel &model = *pane.model();
    model.setRelay(true);
    LogRecord injected;
    injected.kind = LogRecord::Kind::Tx;
    injected.peerId = 3;
    injected.flags = upstream ? LogRecord::Upstream : LogRecord::NoFlags;
    injected.bytes = "x";
    LogRecord replacement = injected;
    replacement.flags |= LogRecord::Rewritten;
    replacement.replyRule = QStringLiteral("r");
    model.appendRecords({injected, replacement});
    auto colour = [&](int row, int role) {
        return model.data(model.index(row, LogModel::DirectionColumn), role).value<QColor>();
    };
    QApplication::setPalette(before);
    QVERIFY(colour(1, Qt::BackgroundRole).isValid());
    QVERIFY(colour(1, Qt::BackgroundRole) != colour(0, Qt::BackgroundRole));
    QApplication::setPalette(palette);
    const double ratio = contrast(colour(1, Qt::ForegroundRole), colour(1, Qt::BackgroundRole));
    QApplication::setPalette(before);
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

// For people: the relay widgets with traffic both ways and a hold, light and dark
// (SOCKSCOPE_SCREENSHOT_DIR=dir).
void tst_RelayLog::screenshots()
{
    Pair p;
    SOCKSCOPE_REQUIRE(connectPair(p));
    p.client.write("GET /status HTTP/1.0\r\n\r\n");
    QTRY_VERIFY(p.server->bytesAvailable() > 0);
    p.server->write("HTTP/1.0 200 OK\r\n\r\nready");
    QTRY_VERIFY(p.client.bytesAvailable() > 0);
    QVERIFY(m_relay->send("PING\r\n", {p.u}).ok());
    QVERIFY(m_relay->send("hello client\r\n", {p.c}).ok());
    QTest::mouseClick(child<QToolButton>("holdServerToClient"), Qt::LeftButton);
    p.server->write("held reply");
    QTRY_COMPARE(m_relay->peer(p.u)->heldBytes, qint64(10));
    flush();
    QTRY_VERIFY(rowOf("hello client\r\n", LogRecord::Kind::Tx) >= 0);
    QVERIFY(saveScreenshot(*m_host, QStringLiteral("relaylog-light")));
    const QPalette before = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QCoreApplication::sendPostedEvents(); // the widgets take the new palette
    QVERIFY(saveScreenshot(*m_host, QStringLiteral("relaylog-dark")));
    QApplication::setPalette(before);
    QCoreApplication::sendPostedEvents();
}

QTEST_MAIN(tst_RelayLog)
#include "tst_relaylog.moc"
