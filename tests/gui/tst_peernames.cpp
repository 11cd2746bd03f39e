// Peer names kept by the log view and the recorder follow the session's peer table: a UDP
// flood from ever new source ports must not grow them for good (the session caps its own
// table at 4,096 senders plus 1,000 closed peers). The log keeps a name while a row needs it.
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/sessiontab.h"

#include "core/log/logexport.h"

#include <QComboBox>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QUdpSocket>

#include <memory>
#include <vector>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

LogRecord rowOf(quint32 peer)
{
    LogRecord r;
    r.kind = LogRecord::Kind::Rx;
    r.peerId = peer;
    r.bytes = "x";
    return r;
}

} // namespace

class tst_PeerNames : public QObject
{
    Q_OBJECT

private slots:
    void logModelDropsNamesNoRowNeeds();
    void tabForgetsNamesOfRemovedPeers();
};

void tst_PeerNames::logModelDropsNamesNoRowNeeds()
{
    LogModel model;
    const int peers = 3000; // enough removed peers for the model to sweep by itself
    QList<quint32> ids;
    for (quint32 id = 1; id <= quint32(peers); ++id) {
        model.setPeerName(id, u"127.0.0.1:%1"_s.arg(id));
        ids.append(id);
    }
    model.appendRecords({rowOf(7), rowOf(42)});
    model.forgetPeerNames(ids);
    // Rows of peers 7 and 42 still show their endpoints; nobody needs the others.
    QCOMPARE(model.peerNameCount(), 2);
    QCOMPARE(model.peerName(7), u"127.0.0.1:7"_s);
    QCOMPARE(model.data(model.index(1, LogModel::PeerColumn)).toString(), u"127.0.0.1:42"_s);
    model.clear(); // the last rows went: so do their names
    QCOMPARE(model.peerNameCount(), 0);
}

void tst_PeerNames::tabForgetsNamesOfRemovedPeers()
{
    SessionTab tab(Session::Mode::Udp);
    auto *local = tab.findChild<QComboBox *>(u"localAddress"_s);
    local->setCurrentIndex(local->findData(u"127.0.0.1"_s));
    tab.findChild<QPushButton *>(u"startButton"_s)->click();
    Session *udp = tab.session();
    QCOMPARE(udp->state(), Session::State::Active);
    std::vector<std::unique_ptr<QUdpSocket>> senders;
    for (int i = 0; i < 20; ++i) {
        senders.push_back(std::make_unique<QUdpSocket>());
        QVERIFY(senders.back()->bind(QHostAddress::LocalHost, 0));
        QCOMPARE(senders.back()->writeDatagram("hi", 2, QHostAddress::LocalHost, udp->boundPort()),
                 qint64(2));
    }
    QTRY_COMPARE(udp->rxBytesTotal(), qint64(20 * 2));
    LogModel *model = tab.logPane()->model();
    auto *recorder = tab.findChild<LogRecorder *>();
    QVERIFY(recorder);
    QCOMPARE(model->peerNameCount(), 20);
    QCOMPARE(recorder->peerNameCount(), 20);

    for (quint32 id : udp->peerIds())
        udp->disconnectPeer(id); // "Forget"
    tab.findChild<QToolButton *>(u"clearClosedPeers"_s)->click();
    QVERIFY(udp->peerIds().isEmpty());
    QCOMPARE(recorder->peerNameCount(), 0);
    QCOMPARE(model->peerNameCount(), 20); // their rows are still shown, with their endpoints
    tab.findChild<QToolButton *>(u"clearLog"_s)->click();
    QCOMPARE(model->peerNameCount(), 0);
}

QTEST_MAIN(tst_PeerNames)
#include "tst_peernames.moc"
