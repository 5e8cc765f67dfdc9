import { Link } from 'react-router';

export function NotFound() {
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Browse the models</Link>
      </p>
    </div>
  );
}
