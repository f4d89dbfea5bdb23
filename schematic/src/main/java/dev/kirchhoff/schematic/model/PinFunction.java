package dev.kirchhoff.schematic.model;

/**
 * A capability a pin offers beyond its electrical type: a bus signal, an analog or timer function. A board pin
 * usually has several ({@code GPIO21}: GPIO, I2C_SDA, PWM, INTERRUPT).
 */
public enum PinFunction {
    GPIO,
    I2C_SDA,
    I2C_SCL,
    SPI_MOSI,
    SPI_MISO,
    SPI_SCK,
    SPI_CS,
    UART_TX,
    UART_RX,
    ADC,
    DAC,
    PWM,
    INTERRUPT,
    TOUCH,
    ONE_WIRE,
    I2S,
    CAN_TX,
    CAN_RX,
    USB_DP,
    USB_DM,
    RESET,
    CLOCK,
    ANALOG,
    POWER,
    GROUND
}
