#ifndef CONCERT_CSYSTEMD_SHIM_H
#define CONCERT_CSYSTEMD_SHIM_H

// libsystemd's daemon and journal APIs, for the Systemd module.
//
// Swift cannot call C variadic functions, so the module uses the non-variadic forms:
// sd_notify (not sd_notifyf) and sd_journal_sendv (not sd_journal_send). The inline helpers
// below cover what Swift reaches awkwardly.

#include <stdint.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

/// CLOCK_MONOTONIC in microseconds, as systemd wants it in MONOTONIC_USEC= (systemd >= 253).
static inline uint64_t csystemd_monotonic_usec(void) {
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
        return 0;
    }
    return (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
}

/// Whether the descriptor is a listening stream socket of any family.
static inline int csystemd_is_listening_stream_socket(int fd) {
    return sd_is_socket(fd, AF_UNSPEC, SOCK_STREAM, 1);
}

#endif
