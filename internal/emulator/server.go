package emulator

import (
	"net"
	"net/http"
)

// Server is an Emulator served over HTTP on a loopback port.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string
	// Emulator is the emulator the server serves, for fault injection and inspection.
	Emulator *Emulator

	httpServer *http.Server
	done       chan struct{}
}

// Start serves a new Emulator configured by cfg on a free 127.0.0.1 port.
// Call Close to stop it.
func Start(cfg Config) (*Server, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	emulator := New(cfg)
	server := &Server{
		URL:        "http://" + listener.Addr().String(),
		Emulator:   emulator,
		httpServer: emulator.HTTPServer(),
		done:       make(chan struct{}),
	}
	go func() {
		defer close(server.done)
		// Serve returns http.ErrServerClosed once Close is called.
		_ = server.httpServer.Serve(listener)
	}()
	return server, nil
}

// Close stops the server, closing its listener and connections.
func (s *Server) Close() error {
	err := s.httpServer.Close()
	<-s.done
	return err
}
