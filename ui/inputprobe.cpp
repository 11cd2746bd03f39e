#include "inputprobe.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

namespace sockscope {

namespace {

QByteArray nameOf(const QObject *o)
{
    const QString n = o->objectName();
    return n.isEmpty() ? QByteArrayLiteral("-") : n.toUtf8();
}

} // namespace

InputProbe::InputProbe(QObject *parent) : QObject(parent) {}

bool InputProbe::enabledByEnvironment()
{
    return qEnvironmentVariableIntValue("SOCKSCOPE_INPUT_PROBE") == 1;
}

qint64 InputProbe::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool InputProbe::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress: {
        auto *w = qobject_cast<QWidget *>(watched);
        // An unaccepted key press climbs to the parents and passes here again: only the first
        // receiver (the focus widget, or the window when nothing has focus) counts.
        QWidget *focus = QApplication::focusWidget();
        if (!w || (focus && w != focus))
            break;
        const qint64 now = monotonicNs();
        auto *area = qobject_cast<QAbstractScrollArea *>(w);
        QWidget *target = area ? area->viewport() : w;
        std::vector<Key> &keys = m_pending[target];
        if (keys.size() < 1000)
            keys.push_back({now, static_cast<QKeyEvent *>(event)->key()});
        break;
    }
    case QEvent::Paint: {
        if (m_pending.isEmpty()) {
            if (!m_listed && qobject_cast<QWidget *>(watched)) {
                m_listed = true;
                // Layouts settle during the first frames; list the inputs a little later.
                QTimer::singleShot(300, this, &InputProbe::listInputs);
            }
            break;
        }
        auto it = m_pending.find(qobject_cast<QWidget *>(watched));
        if (it == m_pending.end())
            break;
        const qint64 now = monotonicNs();
        QWidget *owner = it.key();
        if (auto *area = qobject_cast<QAbstractScrollArea *>(owner->parentWidget());
            area && area->viewport() == owner) {
            owner = area;
        }
        for (const Key &key : it.value()) {
            fprintf(stderr, "inputprobe key=%lld paint=%lld widget=%s class=%s code=%d\n",
                    static_cast<long long>(key.ns), static_cast<long long>(now),
                    nameOf(owner).constData(), owner->metaObject()->className(), key.code);
        }
        m_pending.erase(it);
        break;
    }
    case QEvent::FocusIn:
        if (auto *w = qobject_cast<QWidget *>(watched)) {
            fprintf(stderr, "inputprobe focus widget=%s class=%s\n", nameOf(w).constData(),
                    w->metaObject()->className());
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void InputProbe::listInputs()
{
    const QWidgetList all = QApplication::allWidgets();
    for (QWidget *w : all) {
        if (!w->isVisible()
            || !(qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w)
                 || qobject_cast<QLineEdit *>(w))) {
            continue;
        }
        const QPoint topLeft = w->mapToGlobal(QPoint(0, 0));
        fprintf(stderr, "inputprobe input widget=%s class=%s x=%d y=%d w=%d h=%d\n",
                nameOf(w).constData(), w->metaObject()->className(), topLeft.x(), topLeft.y(),
                w->width(), w->height());
    }
}

} // namespace sockscope
