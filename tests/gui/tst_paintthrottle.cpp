#include "ui/paintthrottle.h"

#include <QElapsedTimer>
#include <QPaintEvent>
#include <QTest>
#include <QWidget>

using namespace sockscope;

namespace {

class PaintCounter : public QWidget
{
public:
    int paints = 0;
    int changes = 0;     // changes made by the test so far
    int paintedUpTo = 0; // the changes the last paint showed

protected:
    void paintEvent(QPaintEvent *) override
    {
        ++paints;
        paintedUpTo = changes;
    }
};

} // namespace

// A log following a flood gets a batch every loop pass; it paints ~30 times a second and
// always ends up showing the last change (issue #16).
class tst_PaintThrottle : public QObject
{
    Q_OBJECT

private slots:
    void streamOfChangesPaintsAtIntervals()
    {
        PaintCounter w;
        w.resize(200, 100);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.paints > 0);
        PaintThrottle throttle(&w, 30);
        const int before = w.paints;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 300 || w.changes < 200) {
            throttle.noteChange();
            ++w.changes;
            w.update();
            QCoreApplication::processEvents();
        }
        const int changes = w.changes;
        const int windows = int(clock.elapsed() / 30);
        const int duringStream = w.paints - before;
        // About one paint per 30 ms window (at most two: the release and a posted update), far
        // fewer than the changes.
        QVERIFY2(duringStream >= 2 && duringStream <= 2 * windows + 3,
                 qPrintable(QStringLiteral("%1 paints for %2 changes").arg(duringStream).arg(changes)));
        // The last change is painted once the stream stops.
        QTRY_VERIFY(!throttle.isHolding());
        QVERIFY(w.updatesEnabled());
        QTRY_COMPARE(w.paintedUpTo, changes);
    }

    void singleChangePaintsAtOnce()
    {
        PaintCounter w;
        w.resize(200, 100);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.paints > 0);
        PaintThrottle throttle(&w, 10000);
        const int before = w.paints;
        throttle.noteChange();
        w.update();
        QTRY_COMPARE(w.paints, before + 1); // not held for the long interval
        QVERIFY(!throttle.isHolding());
    }
};

QTEST_MAIN(tst_PaintThrottle)
#include "tst_paintthrottle.moc"
