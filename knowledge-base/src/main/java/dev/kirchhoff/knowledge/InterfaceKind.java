package dev.kirchhoff.knowledge;

/** A way a part talks to its host. */
public enum InterfaceKind implements JsonEnum {
    I2C, SPI, UART, ONE_WIRE, SINGLE_WIRE, ANALOG, DIGITAL, PWM, I2S, CAN, USB, RS485, PARALLEL, WIFI, BLUETOOTH, RADIO
}
