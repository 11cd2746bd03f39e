#pragma once

#include <QObject>

class QSocketNotifier;

namespace sockscope {

// Turns SIGINT/SIGTERM into a Qt signal on the event loop (self-pipe), so a
// headless run can finish cleanly: flush output, write its report, exit 0.
class SignalWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sockscope
