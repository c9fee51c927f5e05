/**
 * The ids and plates the examples show. The test suite builds a world where each stands for a real
 * crossing or subscription in the state its example needs (test/api/example-world.ts).
 */
export const EXAMPLE_IDS = {
  /** declared, not booked: books a slot */
  declaredCrossing: "Vb3kQ9xLm2TzR7wNc5HpA",
  /** checked in at Korday's waiting area: has a place in the queue */
  queuedCrossing: "Qe8sJ4nWd6YtK1mXz0RbF",
  /** booked: gives its place back */
  bookedCrossing: "Lp5rG7vBn3CxH9kSw2MtE",
  /** booked: is cancelled */
  cancelledCrossing: "Tz1cN6hFq8WmP4dVy7KsJ",
  /** a carrier's own crossing at Korday */
  carrierCrossing: "Mk2wX5pRa9LbQ3eTn8GvD",
  carrierPlate: "416CAR02",
  /** called to a lane at Nur Zholy: arrives at it */
  calledCrossing: "Hs6tB1yKc4ZrW8nPq3LxM",
  /** booked at Bakhty: the camera checks it in */
  arrivingPlate: "417ARR05",
  /** green, complete, in Bakhty's waiting area: the unmanned lane releases it */
  unmannedPlate: "418UNM05",
  /** a carrier's crossing at Korday, declared: its system books it (issue 22) */
  carrierToBook: "Rd4mW8xKp2NcT6vLb9QsY",
  /** a carrier's driverless truck, green and complete, booked at Bakhty: the Smart Customs gate reads it */
  gatePlate: "419DRV05",
  gateVin: "XTC54115R00004190",
  /** a carrier's webhook subscription */
  subscription: "whk_Rw4nK8cT2pLx",
} as const;
