package feed

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"syscall"
)

// netReason says in a user's words why a connection failed, for the
// failures a reader meets most (a name that does not resolve, nothing
// listening, a certificate the site should not have): "dial tcp: lookup
// feeds.example on 10.0.0.53:53: no such host" becomes "no such host:
// feeds.example does not resolve (offline, or a mistyped address?)".
// The words the back-off looks for ("no such host", "connection
// refused") stay. ok is false for other errors.
func netReason(err error) (error, bool) {
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return fmt.Errorf("no such host: %s does not resolve (offline, or a mistyped address?)", Line(dns.Name)), true
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		var op *net.OpError
		where := "the server"
		if errors.As(err, &op) && op.Addr != nil {
			where = Line(op.Addr.String())
		}
		return fmt.Errorf("connection refused: nothing answers at %s", where), true
	}
	var host x509.HostnameError
	var hostp *x509.HostnameError
	var unknown x509.UnknownAuthorityError
	var unknownp *x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var invalidp *x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &host), errors.As(err, &hostp):
		return errors.New("certificate not valid for this address (TLS): the site may be misconfigured, or not the one meant"), true
	case errors.As(err, &unknown), errors.As(err, &unknownp):
		return errors.New("certificate signed by an unknown authority (TLS): the site's certificate is not trusted here"), true
	case errors.As(err, &invalid), errors.As(err, &invalidp):
		return errors.New("certificate expired or not valid (TLS)"), true
	case errors.As(err, &verify):
		return errors.New("certificate not trusted (TLS)"), true
	}
	return nil, false
}
