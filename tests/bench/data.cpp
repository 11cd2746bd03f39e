#include "data.h"

#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace sockscope::bench {

namespace {

struct Vocabulary
{
    QStringList words;  // native-language words
    QStringList tokens; // ASCII tokens sprinkled in
    QString wordSeparator;
    QString sentenceEnd;
};

const Vocabulary &chinese()
{
    static const Vocabulary v{
        {u"设备"_s, u"连接"_s, u"已建立"_s, u"断开"_s, u"服务器"_s, u"客户端"_s, u"数据包"_s,
         u"接收"_s, u"发送"_s, u"字节"_s,   u"温度"_s, u"湿度"_s,   u"传感器"_s, u"状态"_s,
         u"正常"_s, u"异常"_s, u"超时"_s,   u"重试"_s, u"心跳"_s,   u"校验和"_s, u"错误"_s,
         u"端口"_s, u"地址"_s, u"配置"_s,   u"成功"_s, u"失败"_s,   u"用户"_s,   u"登录"_s,
         u"命令"_s, u"响应"_s, u"版本"_s,   u"固件"_s, u"升级"_s,   u"电压"_s,   u"电流"_s,
         u"报警"_s, u"北京"_s, u"上海"_s,   u"深圳"_s, u"网关"_s,   u"协议"_s,   u"缓冲区"_s},
        {u"TCP"_s, u"UDP"_s, u"OK"_s, u"ERR"_s, u"ACK"_s, u"192.168.1.20:8080"_s, u"len="_s,
         u"seq="_s, u"crc=0x"_s, u"ms"_s, u"V1.2.3"_s, u"id="_s},
        QString(),
        u"。"_s,
    };
    return v;
}

const Vocabulary &western()
{
    static const Vocabulary v{
        {u"Grüße"_s,     u"café"_s,  u"naïve"_s,  u"Straße"_s,     u"señor"_s,       u"Ærø"_s,
         u"façade"_s,    u"über"_s,  u"déjà"_s,   u"Größe"_s,      u"température"_s, u"valeur"_s,
         u"connexion"_s, u"échec"_s, u"réseau"_s, u"Verbindung"_s, u"Gerät"_s,       u"año"_s,
         u"±0.5°C"_s,    u"½"_s,     u"µs"_s,     u"©"_s},
        {u"TCP"_s, u"UDP"_s, u"OK"_s, u"ERR"_s, u"ACK"_s, u"192.168.1.20:8080"_s, u"len="_s,
         u"seq="_s, u"crc=0x"_s, u"ms"_s, u"V1.2.3"_s, u"id="_s},
        u" "_s,
        u"."_s,
    };
    return v;
}

template <typename List>
const auto &pick(QRandomGenerator &gen, const List &list)
{
    return list[gen.bounded(int(list.size()))];
}

// "[12:34:56.789] 设备 id=1F2E 连接 已建立 TCP 192.168.1.20:8080 len=128。\r\n"
void appendLogLine(QString &out, const Vocabulary &v, QRandomGenerator &gen)
{
    out += u"[%1:%2:%3.%4] "_s.arg(gen.bounded(24), 2, 10, QChar(u'0'))
               .arg(gen.bounded(60), 2, 10, QChar(u'0'))
               .arg(gen.bounded(60), 2, 10, QChar(u'0'))
               .arg(gen.bounded(1000), 3, 10, QChar(u'0'));
    const int items = 4 + gen.bounded(8);
    for (int i = 0; i < items; ++i) {
        if (gen.bounded(3) == 0) {
            // ASCII tokens always stand apart, as they would in real mixed text.
            out += u' ' + pick(gen, v.tokens) + QString::number(gen.bounded(0x10000), 16) + u' ';
        } else {
            out += pick(gen, v.words) + v.wordSeparator;
        }
    }
    out += v.sentenceEnd + u"\r\n"_s;
}

QString logText(const Vocabulary &v, qsizetype chars, quint32 seed)
{
    QRandomGenerator gen(seed);
    QString out;
    out.reserve(chars + 256);
    while (out.size() < chars)
        appendLogLine(out, v, gen);
    return out;
}

} // namespace

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(gen.generate() & 0xFF);
    return out;
}

QString mixedChineseText(qsizetype chars, quint32 seed)
{
    return logText(chinese(), chars, seed);
}

QString westernText(qsizetype chars, quint32 seed)
{
    return logText(western(), chars, seed);
}

QByteArray textLines(qsizetype count, int lineSize, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(count * lineSize, Qt::Uninitialized);
    char *d = out.data();
    for (qsizetype i = 0; i < count; ++i) {
        for (int j = 0; j < lineSize - 1; ++j)
            *d++ = char(0x20 + gen.bounded(0x7F - 0x20));
        *d++ = '\n';
    }
    return out;
}

QByteArray lengthPrefixedFrames(qsizetype count, int payloadSize, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out;
    out.reserve(count * (payloadSize + 2));
    for (qsizetype i = 0; i < count; ++i) {
        out += char(payloadSize >> 8);
        out += char(payloadSize & 0xFF);
        for (int j = 0; j < payloadSize; ++j)
            out += char(gen.generate() & 0xFF);
    }
    return out;
}

} // namespace sockscope::bench
