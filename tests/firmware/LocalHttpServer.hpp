// SPDX-License-Identifier: Apache-2.0
// A small real HTTP/1.1 server on 127.0.0.1 for the fetch tests: a thread
// with POSIX sockets, started by the constructor and stopped by the
// destructor. One connection at a time, "Connection: close" on every
// response; every request is recorded with its headers.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class LocalHttpServer {
 public:
  struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers;  // names in lower case
  };
  struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool without_length = false;  // no Content-Length: the body ends when the connection closes
    bool hang = false;            // read the request, answer nothing, wait for the client to give up
  };
  using Handler = std::function<Response(const Request&)>;

  explicit LocalHttpServer(Handler handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) throw std::runtime_error("socket() failed");
    const int on = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 8) != 0) {
      ::close(listener_);
      throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LocalHttpServer() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
  }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::vector<Request> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  void clearRequests() {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.clear();
  }

 private:
  static const char* reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 301:
        return "Moved Permanently";
      case 302:
        return "Found";
      case 304:
        return "Not Modified";
      case 404:
        return "Not Found";
      case 500:
        return "Internal Server Error";
      default:
        return "Status";
    }
  }

  // Waits up to `ms` for `fd` to become readable; false when stopping.
  bool readable(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    for (int waited = 0; waited < ms && !stopping_; waited += 50) {
      if (::poll(&p, 1, 50) > 0) return true;
    }
    return false;
  }

  void serve() {
    while (!stopping_) {
      if (!readable(listener_, 50)) continue;
      const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      handle(client);
      ::close(client);
    }
  }

  void handle(int client) {
    const timeval send_limit{5, 0};  // a client that stops reading does not hold the server
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &send_limit, sizeof send_limit);
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
      if (!readable(client, 5000)) return;
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      head.append(buffer, static_cast<std::size_t>(n));
    }
    Request request;
    std::size_t line_end = head.find("\r\n");
    const std::string first = head.substr(0, line_end);
    request.method = first.substr(0, first.find(' '));
    const std::size_t path_start = first.find(' ') + 1;
    request.path = first.substr(path_start, first.find(' ', path_start) - path_start);
    while (line_end != std::string::npos) {
      const std::size_t next = head.find("\r\n", line_end + 2);
      const std::string line = head.substr(line_end + 2, next - line_end - 2);
      line_end = next;
      const std::size_t colon = line.find(':');
      if (line.empty() || colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      request.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(request);
    }
    const Response response = handler_(request);
    if (response.hang) {
      // Until the client closes (its time-out) or the server stops.
      while (readable(client, 10000)) {
        if (::recv(client, buffer, sizeof buffer, 0) <= 0) return;
      }
      return;
    }
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    if (!response.without_length) out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += response.body;
    std::size_t sent = 0;
    while (sent < out.size() && !stopping_) {
      const ssize_t n = ::send(client, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the client stopped reading (a size cap): fine
      sent += static_cast<std::size_t>(n);
    }
    ::shutdown(client, SHUT_WR);
    // Let the client read to the end before the socket closes.
    while (readable(client, 2000)) {
      if (::recv(client, buffer, sizeof buffer, 0) <= 0) return;
    }
  }

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<Request> requests_;
  std::thread thread_;
};
