// A named pipe (FIFO) for tests of code that must refuse it rather than block in open().
#pragma once

#include <QFile>
#include <QString>

#include <atomic>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sockscope::test {

inline bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// While alive, watches for code blocked opening the FIFO: after `patienceMs` it opens the
// other end itself (O_RDWR never blocks on Linux), which lets a blocked open() return, and
// notes that it had to. A test asserts !rescued(): it fails instead of hanging.
class FifoRescuer
{
public:
    explicit FifoRescuer(const QString &path, int patienceMs = 1000)
        : m_path(QFile::encodeName(path)), m_thread([this, patienceMs] { watch(patienceMs); })
    {}
    ~FifoRescuer()
    {
        m_done = true;
        m_thread.join();
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FifoRescuer(const FifoRescuer &) = delete;
    FifoRescuer &operator=(const FifoRescuer &) = delete;

    bool rescued() const { return m_rescued; }

private:
    void watch(int patienceMs)
    {
        for (int waited = 0; waited < patienceMs && !m_done; waited += 10)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (m_done)
            return;
        m_fd = ::open(m_path.constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        m_rescued = true;
    }

    QByteArray m_path;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_rescued{false};
    int m_fd = -1;
    std::thread m_thread;
};

} // namespace sockscope::test
