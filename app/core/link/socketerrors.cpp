#include "core/link/socketerrors.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

// Translation context for the free functions below ("sockscope::SocketErrors" in .ts files).
class SocketErrors
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::SocketErrors)
};

using E = QAbstractSocket;

// One error's two sentences: naming the endpoint (as %1), and without one. Both empty
// when the error belongs to another family.
struct Wording
{
    QString withEndpoint;
    QString without;
};

// Reaching the peer and keeping the connection.
Wording connectionWording(QAbstractSocket::SocketError error)
{
    switch (error) {
    case E::ConnectionRefusedError:
        return {SocketErrors::tr("Connection to %1 was refused: nothing is listening on "
                                 "that port."),
                SocketErrors::tr("The connection was refused: nothing is listening on "
                                 "that port.")};
    case E::RemoteHostClosedError:
        return {SocketErrors::tr("%1 closed the connection."),
                SocketErrors::tr("The remote host closed the connection.")};
    case E::SocketTimeoutError:
        return {SocketErrors::tr("The operation on %1 timed out."),
                SocketErrors::tr("The socket operation timed out.")};
    case E::NetworkError:
        return {SocketErrors::tr("A network error occurred with %1: the network or host "
                                 "may be unreachable, or the connection timed out."),
                SocketErrors::tr("A network error occurred: the network or host may be "
                                 "unreachable, or the connection timed out.")};
    default:
        return {};
    }
}

// What the local system refuses: privileges, resources, addresses, sizes.
Wording localLimitWording(QAbstractSocket::SocketError error)
{
    switch (error) {
    case E::SocketAccessError:
        return {SocketErrors::tr("Access to %1 was denied: the operation needs more "
                                 "privileges (ports below 1024 usually do)."),
                SocketErrors::tr("The socket operation was denied: it needs more "
                                 "privileges (ports below 1024 usually do).")};
    case E::SocketResourceError:
        return {SocketErrors::tr("Could not open a socket for %1: the system ran out of "
                                 "resources (too many open sockets or too little memory)."),
                SocketErrors::tr("The system ran out of socket resources (too many open "
                                 "sockets or too little memory).")};
    case E::DatagramTooLargeError:
        return {SocketErrors::tr("The datagram for %1 is larger than the network allows "
                                 "(at most 65507 bytes over IPv4)."),
                SocketErrors::tr("The datagram is larger than the network allows (at most "
                                 "65507 bytes over IPv4).")};
    case E::AddressInUseError:
        return {SocketErrors::tr("%1 is already in use by another socket."),
                SocketErrors::tr("The address is already in use by another socket.")};
    case E::SocketAddressNotAvailableError:
        return {SocketErrors::tr("Cannot bind to %1: that address does not belong to this "
                                 "computer."),
                SocketErrors::tr("The requested address does not belong to this "
                                 "computer.")};
    default:
        return {};
    }
}

// An operation the socket cannot do now or at all, and errors without a better name.
Wording operationWording(QAbstractSocket::SocketError error)
{
    switch (error) {
    case E::UnsupportedSocketOperationError:
        return {SocketErrors::tr("The operation on %1 is not supported by this system "
                                 "(for example IPv6 where IPv6 is disabled)."),
                SocketErrors::tr("The operation is not supported by this system (for "
                                 "example IPv6 where IPv6 is disabled).")};
    case E::UnfinishedSocketOperationError:
        return {SocketErrors::tr("An earlier operation on %1 is still in progress."),
                SocketErrors::tr("An earlier socket operation is still in progress.")};
    case E::OperationError:
        return {SocketErrors::tr("The operation on %1 is not allowed in the socket's "
                                 "current state."),
                SocketErrors::tr("The operation is not allowed in the socket's current "
                                 "state.")};
    case E::TemporaryError:
        return {SocketErrors::tr("A temporary error occurred on %1; try again."),
                SocketErrors::tr("A temporary socket error occurred; try again.")};
    case E::UnknownSocketError:
        return {SocketErrors::tr("An unknown error occurred on %1."),
                SocketErrors::tr("An unknown socket error occurred.")};
    default:
        return {};
    }
}

Wording proxyWording(QAbstractSocket::SocketError error)
{
    switch (error) {
    case E::ProxyAuthenticationRequiredError:
        return {SocketErrors::tr("The proxy requires authentication to reach %1."),
                SocketErrors::tr("The proxy requires authentication.")};
    case E::ProxyConnectionRefusedError:
        return {SocketErrors::tr("The proxy refused the connection to %1."),
                SocketErrors::tr("The proxy server refused the connection.")};
    case E::ProxyConnectionClosedError:
        return {SocketErrors::tr("The proxy closed the connection to %1 unexpectedly."),
                SocketErrors::tr("The proxy server closed the connection unexpectedly.")};
    case E::ProxyConnectionTimeoutError:
        return {SocketErrors::tr("The proxy did not answer in time while connecting to "
                                 "%1."),
                SocketErrors::tr("The proxy server did not answer in time.")};
    case E::ProxyNotFoundError:
        return {SocketErrors::tr("The proxy for %1 could not be found."),
                SocketErrors::tr("The proxy server could not be found.")};
    case E::ProxyProtocolError:
        return {SocketErrors::tr("The proxy sent a reply that could not be understood "
                                 "while connecting to %1."),
                SocketErrors::tr("The proxy server sent a reply that could not be "
                                 "understood.")};
    default:
        return {};
    }
}

Wording tlsWording(QAbstractSocket::SocketError error)
{
    switch (error) {
    case E::SslHandshakeFailedError:
        return {SocketErrors::tr("The TLS handshake with %1 failed."),
                SocketErrors::tr("The TLS handshake failed.")};
    case E::SslInternalError:
        return {SocketErrors::tr("The TLS library reported an internal error while "
                                 "talking to %1."),
                SocketErrors::tr("The TLS library reported an internal error.")};
    case E::SslInvalidUserDataError:
        return {SocketErrors::tr("Invalid TLS data (certificate, key or cipher) was "
                                 "given for %1."),
                SocketErrors::tr("Invalid TLS data (certificate, key or cipher) was "
                                 "given.")};
    default:
        return {};
    }
}

} // namespace

QString socketErrorText(QAbstractSocket::SocketError error, const QString &host, quint16 port)
{
    if (error == E::HostNotFoundError) { // names the host only, see the header
        if (!host.isEmpty())
            return SocketErrors::tr("Host \"%1\" could not be found.").arg(host);
        return SocketErrors::tr("The host could not be found.");
    }

    const QString endpoint = formatEndpoint(host, port);
    const bool context = !endpoint.isEmpty();
    using Family = Wording (*)(QAbstractSocket::SocketError);
    for (Family family :
         {connectionWording, localLimitWording, operationWording, proxyWording, tlsWording}) {
        const Wording wording = family(error);
        if (wording.without.isEmpty())
            continue;
        // Pick the sentence that names the endpoint when there is one.
        return context ? wording.withEndpoint.arg(endpoint) : wording.without;
    }
    // A value newer than these lists: tst_socketerrors (enumeratorCount, everyErrorHasText)
    // fails for it, so it gets its own sentence.
    if (context)
        return SocketErrors::tr("Socket error %1 occurred on %2.").arg(int(error)).arg(endpoint);
    return SocketErrors::tr("Socket error %1 occurred.").arg(int(error));
}

CloseReason closeReasonFor(QAbstractSocket::SocketError error)
{
    using E = QAbstractSocket;
    switch (error) {
    case E::RemoteHostClosedError: // also a peer RST in Qt 6.4, see the header
    case E::ProxyConnectionClosedError:
        return CloseReason::PeerClosed;
    case E::ConnectionRefusedError:
    case E::ProxyConnectionRefusedError:
        return CloseReason::Refused;
    case E::HostNotFoundError:
    case E::ProxyNotFoundError:
        return CloseReason::HostNotFound;
    case E::SocketTimeoutError:
    case E::ProxyConnectionTimeoutError:
        return CloseReason::Timeout;
    case E::NetworkError:
        return CloseReason::NetworkUnreachable;
    case E::SocketAccessError:
    case E::SocketResourceError:
    case E::DatagramTooLargeError:
    case E::AddressInUseError:
    case E::SocketAddressNotAvailableError:
    case E::UnsupportedSocketOperationError:
    case E::UnfinishedSocketOperationError:
    case E::ProxyAuthenticationRequiredError:
    case E::SslHandshakeFailedError:
    case E::ProxyProtocolError:
    case E::OperationError:
    case E::SslInternalError:
    case E::SslInvalidUserDataError:
    case E::TemporaryError:
    case E::UnknownSocketError:
        return CloseReason::Error;
    }
    return CloseReason::Error;
}

} // namespace sockscope
