import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Wraps an async handler so a rejected promise reaches the error handler. */
export function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
}
