// SPDX-License-Identifier: Apache-2.0
// HDMI-CEC through the kernel's CEC API (/dev/cecN, linux/cec.h), no daemon:
// the TV to standby, and awake again with this board as its active source.
// The ioctl layer is an interface, so a test double stands in for the device.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct cec_msg;

namespace newsticker::firmware {

// The calls made on a CEC adapter.
class CecIo {
 public:
  virtual ~CecIo() = default;
  // ioctl(2) on the adapter with `request` (CEC_ADAP_G_CAPS, CEC_TRANSMIT,
  // ...) and its argument; 0, or -1 with errno set.
  virtual int control(unsigned long request, void* argument) = 0;
};

// Opens the adapter at `path` (read-write, blocking: a transmit returns when
// the message is on the bus or failed). Null with `error` ("No such file or
// directory") when it cannot.
std::unique_ptr<CecIo> openCecDevice(const std::string& path, std::string& error);

class CecAdapter {
 public:
  // Takes the adapter `io` (opened at `path`, named in messages).
  CecAdapter(std::unique_ptr<CecIo> io, std::string path);

  // Makes the adapter ready to send: reads its capabilities, sets this file
  // handle as initiator, claims a Playback logical address named
  // "newsticker" when none is configured (and the adapter lets us), and reads
  // the physical address. False with `error` when the adapter refuses;
  // the other calls run it first when it has not succeeded yet.
  bool prepare(std::string& error);

  // Sends <Standby> (0x36) to the TV (logical address 0). False with `error`
  // when the message could not be sent or the TV did not acknowledge it.
  bool standby(std::string& error);

  // Sends <Image View On> (0x04) to the TV, then broadcasts <Active Source>
  // (0x82) with this board's physical address, so the TV wakes and shows
  // this input. False with `error` when either fails (Active Source is
  // skipped while the physical address is unknown, i.e. no TV is plugged in).
  bool wake(std::string& error);

  // The claimed logical address (15, Unregistered, until prepared) and the
  // physical address (0xffff: unknown).
  int logicalAddress() const { return logical_; }
  std::uint16_t physicalAddress() const { return physical_; }

 private:
  bool transmit(cec_msg& message, const char* what, std::string& error);
  void readAddresses();

  std::unique_ptr<CecIo> io_;
  std::string path_;
  bool prepared_ = false;
  int logical_ = 15;
  std::uint16_t physical_ = 0xffff;
};

}  // namespace newsticker::firmware
