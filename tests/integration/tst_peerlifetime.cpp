// Per-peer data kept outside the session (the headless runner's endpoint names) lives as long
// as the session keeps the peer: UDP from ever new source ports must not grow it for good.

#include "cli/headlessrunner.h"
#include "cli/launchoptions.h"
#include "core/transport/udpsession.h"

#include "loopback.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <cstdio>
#include <memory>
#include <vector>

using namespace sockscope;
using namespace sockscope::test;

namespace {

// One datagram from each of `count` new source ports; returns when all arrived.
bool sendFromNewPorts(Session *session, quint16 port, int count)
{
    const qint64 before = session->rxBytesTotal();
    std::vector<std::unique_ptr<QUdpSocket>> senders;
    for (int i = 0; i < count; ++i) {
        senders.push_back(std::make_unique<QUdpSocket>());
        if (!senders.back()->bind(kLoopback, 0) ||
            senders.back()->writeDatagram("hi", 2, kLoopback, port) != 2)
            return false;
    }
    return QTest::qWaitFor([&] { return session->rxBytesTotal() == before + 2 * count; }, 5000);
}

void forgetAll(Session *session)
{
    for (quint32 id : session->peerIds())
        session->disconnectPeer(id);
}

} // namespace

class tst_PeerLifetime : public QObject
{
    Q_OBJECT

private slots:
    void sessionReportsRemovedPeersAfterTheirRecords();
    void headlessRunnerForgetsRemovedPeers();
};

void tst_PeerLifetime::sessionReportsRemovedPeersAfterTheirRecords()
{
    UdpSession session;
    UdpSession::Options o;
    o.bindAddress = kLoopback;
    session.setOptions(o);
    session.setBatchInterval(1000); // records wait in the batch: the removal must flush them
    session.start();
    QVERIFY(sendFromNewPorts(&session, session.localPort(), 5));
    const QList<quint32> ids = session.peerIds();
    QCOMPARE(ids.size(), 5);
    forgetAll(&session);

    QList<quint32> removed;
    int recordsAfterRemoval = 0;
    int recordsBefore = 0;
    connect(&session, &Session::recordsReady, this, [&](const LogRecords &batch) {
        for (const LogRecord &r : batch)
            (removed.isEmpty() ? recordsBefore : recordsAfterRemoval) += ids.contains(r.peerId);
    });
    connect(&session, &Session::peersRemoved, this,
            [&](const QList<quint32> &gone) { removed += gone; });
    session.clearClosedPeers();
    QCOMPARE(removed, ids);
    QCOMPARE(recordsBefore, 5 + 5); // each peer's datagram and its "forgotten" event
    session.flushRecords();
    QCOMPARE(recordsAfterRemoval, 0);
    QVERIFY(session.peerIds().isEmpty());
}

void tst_PeerLifetime::headlessRunnerForgetsRemovedPeers()
{
    const LaunchParse parse = parseLaunchOptions(
        {QStringLiteral("sockscope"), QStringLiteral("--headless"), QStringLiteral("--mode"),
         QStringLiteral("udp"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(parse.outcome, LaunchParse::Outcome::Ok);
    FILE *out = std::tmpfile();
    QVERIFY(out);
    {
        HeadlessRunner runner(parse.options, out);
        QVERIFY(runner.start());
        Session *session = runner.session();
        QTRY_COMPARE(session->state(), Session::State::Active);
        const quint16 port = session->boundPort();
        QVERIFY(sendFromNewPorts(session, port, 20));
        QCOMPARE(runner.peerNameCount(), 20);
        forgetAll(session);
        session->clearClosedPeers(); // what the automatic prune does beyond 1,000 closed peers
        QCOMPARE(runner.peerNameCount(), 0);
        // A sender that comes back is a new peer with its name again.
        QVERIFY(sendFromNewPorts(session, port, 1));
        QCOMPARE(runner.peerNameCount(), 1);
    }
    std::fclose(out);
}

QTEST_GUILESS_MAIN(tst_PeerLifetime)
#include "tst_peerlifetime.moc"
