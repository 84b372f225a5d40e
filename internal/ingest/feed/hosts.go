package feed

import (
	"context"
	"sync"
	"time"
)

// hostGate keeps requests to one host polite: one in flight at a time, and
// at least gap between the end of one and the start of the next. Waiting is
// in real time (it is a pause, not a decision, so it takes no clock).
type hostGate struct {
	gap   time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

// hostSlot is one host's turn. turn holds a token while a request is in
// flight; next and users are guarded by the gate's mutex.
type hostSlot struct {
	turn  chan struct{}
	next  time.Time // earliest start of the next request
	users int       // goroutines holding or waiting for the turn
}

// maxIdleHosts is how many idle hosts the gate remembers before it forgets
// those whose gap has passed.
const maxIdleHosts = 1024

func newHostGate(gap time.Duration) *hostGate {
	return &hostGate{gap: gap, hosts: map[string]*hostSlot{}}
}

// acquire waits for host's turn and its gap, and returns the function that
// ends the turn. It fails only when ctx ends first.
func (g *hostGate) acquire(ctx context.Context, host string) (func(), error) {
	g.mu.Lock()
	s := g.hosts[host]
	if s == nil {
		if len(g.hosts) >= maxIdleHosts {
			g.forget(time.Now())
		}
		s = &hostSlot{turn: make(chan struct{}, 1)}
		g.hosts[host] = s
	}
	s.users++
	g.mu.Unlock()
	leave := func() {
		g.mu.Lock()
		s.users--
		g.mu.Unlock()
	}
	select {
	case s.turn <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	g.mu.Lock()
	wait := time.Until(s.next)
	g.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.turn
			leave()
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			g.mu.Lock()
			s.next = time.Now().Add(g.gap)
			g.mu.Unlock()
			<-s.turn
			leave()
		})
	}, nil
}

// forget drops the hosts nobody waits for whose gap has passed. The caller
// holds g.mu.
func (g *hostGate) forget(now time.Time) {
	for host, s := range g.hosts {
		if s.users == 0 && !s.next.After(now) {
			delete(g.hosts, host)
		}
	}
}
